/**
 * The scenario bar: which scenario the grid shows (always visible, with its status), and the
 * scenario actions — new, duplicate, rename/describe, delete (confirmed), mark usulan / back to
 * draft. Every action is a button, so all of it is reachable by keyboard.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { Scenario } from '../../../shared/domain.js';
import { Modal } from './Modal.js';
import type { ScenarioSourceInput, ScenarioState } from './useScenario.js';
import { FailureDetail } from '../components/FailureDetail.js';

type DialogState =
  | { kind: 'create' }
  | { kind: 'duplicate'; source: Scenario }
  | { kind: 'edit'; scenario: Scenario }
  | { kind: 'delete'; scenario: Scenario }
  | null;

interface Props {
  state: ScenarioState;
  busy: boolean;
  onError(failure: Failure | null): void;
}

function FailureText({ failure }: { failure: Failure | null }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-error" role="alert">
      {failure && (
        <>
          <strong>{t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong> <FailureDetail failure={failure} />
        </>
      )}
    </div>
  );
}

export function ScenarioBar({ state, busy, onError }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const [dialog, setDialog] = useState<DialogState>(null);
  const { scenarios, selected } = state;

  const toggleStatus = async () => {
    if (!selected) return;
    const r = await state.setStatus(selected.id, 'usulan');
    onError(r.ok ? null : r);
  };

  return (
    <section className="scenario-bar card" aria-label={t('target.scenario.barLabel')}>
      <div className="scenario-pick">
        <label htmlFor={selectId} className="field-label">
          {t('target.scenario.label')}
        </label>
        {scenarios.length > 0 ? (
          <select
            id={selectId}
            className="select scenario-select"
            value={selected?.id ?? ''}
            onChange={(e) => state.select(Number(e.target.value))}
            data-testid="scenario-select"
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.status === 'usulan' ? `${s.name} — ${t('workbook.scenarioStatus.usulan')}` : s.name}
              </option>
            ))}
          </select>
        ) : (
          <span id={selectId} className="muted scenario-none">
            {t('target.scenario.none')}
          </span>
        )}
        {selected && (
          <span className={`badge badge-${selected.status}`} data-testid="scenario-status">
            <span className="visually-hidden">{t('target.scenario.statusLabel')} </span>
            {t(`workbook.scenarioStatus.${selected.status}`)}
          </span>
        )}
      </div>
      <div className="scenario-actions" role="group" aria-label={t('target.scenario.actionsLabel')}>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })} disabled={busy}>
          {t('target.scenario.new')}
        </button>
        <button type="button" className="button" onClick={() => selected && setDialog({ kind: 'duplicate', source: selected })} disabled={busy || !selected}>
          {t('target.scenario.duplicate')}
        </button>
        <button type="button" className="button" onClick={() => selected && setDialog({ kind: 'edit', scenario: selected })} disabled={busy || !selected}>
          {t('target.scenario.edit')}
        </button>
        {/* Back to draft is the proposal banner's action (ProposalBanner: asks first). */}
        {selected?.status !== 'usulan' && (
          <button type="button" className="button" onClick={() => void toggleStatus()} disabled={busy || !selected}>
            {t('target.scenario.markUsulan')}
          </button>
        )}
        <button type="button" className="button button-danger-quiet" onClick={() => selected && setDialog({ kind: 'delete', scenario: selected })} disabled={busy || !selected}>
          {t('target.scenario.delete')}
        </button>
      </div>
      {selected?.description && <p className="scenario-description-line">{selected.description}</p>}

      <ScenarioDialog dialog={dialog} state={state} onClose={() => setDialog(null)} />
      <DeleteDialog dialog={dialog} state={state} onClose={() => setDialog(null)} />
    </section>
  );
}

function ScenarioDialog({ dialog, state, onClose }: { dialog: DialogState; state: ScenarioState; onClose(): void }) {
  const open = dialog !== null && dialog.kind !== 'delete';
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="dialog-form">
      {open && <ScenarioForm key={JSON.stringify(dialog)} dialog={dialog} state={state} titleId={titleId} onClose={onClose} />}
    </Modal>
  );
}

function ScenarioForm({ dialog, state, titleId, onClose }: { dialog: Exclude<DialogState, null>; state: ScenarioState; titleId: string; onClose(): void }) {
  const { t } = useTranslation();
  const ids = { name: useId(), description: useId(), source: useId(), hint: useId() };
  const editing = dialog.kind === 'edit' ? dialog.scenario : null;
  const duplicateOf = dialog.kind === 'duplicate' ? dialog.source : null;
  const [name, setName] = useState(
    editing?.name ?? (duplicateOf ? t('target.scenarioDialog.copyName', { name: duplicateOf.name }) : ''),
  );
  const [description, setDescription] = useState(editing?.description ?? duplicateOf?.description ?? '');
  const [from, setFrom] = useState<'original' | 'scenario' | 'empty'>(duplicateOf ? 'scenario' : 'original');
  const [sourceId, setSourceId] = useState<number | null>(duplicateOf?.id ?? state.selected?.id ?? state.scenarios[0]?.id ?? null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  const title =
    dialog.kind === 'edit' ? t('target.scenarioDialog.editTitle') : dialog.kind === 'duplicate' ? t('target.scenarioDialog.duplicateTitle') : t('target.scenarioDialog.createTitle');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setFailure({ ok: false, code: 'bad_input', message: t('target.scenarioDialog.nameRequired'), field: 'name' });
      return;
    }
    setSaving(true);
    let r: Result<unknown>;
    if (editing) r = await state.update(editing.id, { name: name.trim(), description });
    else {
      const source: ScenarioSourceInput =
        from === 'scenario' && sourceId !== null ? { kind: 'scenario', scenarioId: sourceId } : { kind: from === 'scenario' ? 'original' : from };
      r = await state.create({ name: name.trim(), description, from: source });
    }
    setSaving(false);
    if (r.ok) onClose();
    else setFailure(r);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="form-field">
        <label htmlFor={ids.name}>{t('target.scenarioDialog.name')}</label>
        <input
          id={ids.name}
          className="input"
          value={name}
          maxLength={120}
          required
          autoFocus
          aria-invalid={failure?.field === 'name' || undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-field">
        <label htmlFor={ids.description}>{t('target.scenarioDialog.description')}</label>
        <textarea
          id={ids.description}
          className="input textarea"
          value={description}
          maxLength={4000}
          rows={3}
          aria-describedby={ids.hint}
          onChange={(e) => setDescription(e.target.value)}
        />
        <p id={ids.hint} className="hint">
          {t('target.scenarioDialog.descriptionHint')}
        </p>
      </div>
      {dialog.kind === 'create' && (
        <fieldset className="form-field fieldset">
          <legend>{t('target.scenarioDialog.from')}</legend>
          <label className="choice">
            <input type="radio" name="from" checked={from === 'original'} onChange={() => setFrom('original')} />
            {t('target.scenarioDialog.fromOriginal')}
          </label>
          <label className="choice">
            <input type="radio" name="from" checked={from === 'scenario'} onChange={() => setFrom('scenario')} disabled={state.scenarios.length === 0} />
            {t('target.scenarioDialog.fromScenario')}
          </label>
          {from === 'scenario' && (
            <div className="choice-detail">
              <label htmlFor={ids.source} className="visually-hidden">
                {t('target.scenarioDialog.sourceScenario')}
              </label>
              <select id={ids.source} className="select" value={sourceId ?? ''} onChange={(e) => setSourceId(Number(e.target.value))}>
                {state.scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label className="choice">
            <input type="radio" name="from" checked={from === 'empty'} onChange={() => setFrom('empty')} />
            {t('target.scenarioDialog.fromEmpty')}
          </label>
        </fieldset>
      )}
      {duplicateOf && <p className="hint">{t('target.scenarioDialog.duplicateNote', { name: duplicateOf.name })}</p>}
      <FailureText failure={failure} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {editing ? t('target.scenarioDialog.save') : t('target.scenarioDialog.create')}
        </button>
      </div>
    </form>
  );
}

function DeleteDialog({ dialog, state, onClose }: { dialog: DialogState; state: ScenarioState; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const scenario = dialog?.kind === 'delete' ? dialog.scenario : null;

  const confirm = async () => {
    if (!scenario) return;
    const r = await state.remove(scenario.id);
    if (r.ok) {
      setFailure(null);
      onClose();
    } else setFailure(r);
  };

  return (
    <Modal
      open={scenario !== null}
      onClose={() => {
        setFailure(null);
        onClose();
      }}
      labelledBy={titleId}
      describedBy={bodyId}
    >
      {scenario && (
        <>
          <h2 id={titleId} className="dialog-title">
            {t('target.deleteDialog.title')}
          </h2>
          <p id={bodyId} className="dialog-body">
            {t('target.deleteDialog.body', { name: scenario.name })}
          </p>
          <FailureText failure={failure} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void confirm()}>
              {t('target.deleteDialog.confirm')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
