/**
 * The profile dialog: "Nama lengkap, NIP, Jabatan" — the person written into every change and
 * offered to the annex's signer block. Opened by the profile gate (profile-gate.ts: on the first
 * start without a profile, once before the first edit or export of a session) or on request (the
 * Buku Kerja card). Problems are worded at their field in the UI's language (shared/person.ts,
 * the same rules as the contract), and a refusal from the services is shown under the form.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Person } from '../../../shared/domain.js';
import { personProblem, type PersonProblem } from '../../../shared/person.js';
import { Modal } from '../target/Modal.js';
import { useProfile, type ProfileDialogReason, type ProfileGate } from './profile-gate.js';

function problemKey(p: PersonProblem): `profile.problems.${'name_empty' | 'name_too_long' | 'title_too_long' | 'nip_not_digits' | 'nip_length'}` {
  return `profile.problems.${p.field}_${p.kind}` as `profile.problems.${'name_empty' | 'name_too_long' | 'title_too_long' | 'nip_not_digits' | 'nip_length'}`;
}

interface FormProps {
  api: ApiClient;
  gate: ProfileGate;
  reason: ProfileDialogReason;
  initial: Person | null;
  titleId: string;
}

function ProfileForm({ api, gate, reason, initial, titleId }: FormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [person, setPerson] = useState<Person>(initial ?? { name: '', nip: '', title: '' });
  const [problem, setProblem] = useState<PersonProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const p = personProblem(person);
    setProblem(p);
    if (p) {
      document.getElementById(`${ids}-${p.field}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await api.call('profile.set', person);
      if (!r.ok) {
        setFailure(t('profile.saveFailed', { message: r.message }));
        return;
      }
      gate.saved(r.value);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Person, label: string, extra: { placeholder?: string; hint?: string; inputMode?: 'numeric' } = {}) => {
    const wrong = problem?.field === key;
    const hintId = `${ids}-${key}-hint`;
    return (
      <div className="form-field">
        <label htmlFor={`${ids}-${key}`}>{label}</label>
        <input
          className="input"
          id={`${ids}-${key}`}
          type="text"
          value={person[key]}
          placeholder={extra.placeholder}
          inputMode={extra.inputMode}
          autoComplete={key === 'name' ? 'name' : key === 'title' ? 'organization-title' : 'off'}
          aria-invalid={wrong || undefined}
          aria-describedby={wrong || extra.hint ? hintId : undefined}
          autoFocus={key === 'name'}
          onChange={(e) => {
            setPerson({ ...person, [key]: e.target.value });
            if (wrong) setProblem(null);
          }}
        />
        {(wrong || extra.hint) && (
          <span id={hintId} className={wrong ? 'dialog-error' : 'muted'} role={wrong ? 'alert' : undefined}>
            {wrong ? t(problemKey(problem)) : extra.hint}
          </span>
        )}
      </div>
    );
  };

  const lead = reason === 'start' ? t('profile.leadStart') : reason === 'beforeWrite' ? t('profile.leadBeforeWrite') : t('profile.leadEdit');
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {t('profile.title')}
      </h2>
      <p className="dialog-body">{lead}</p>
      {field('name', t('profile.name'), { placeholder: t('profile.namePlaceholder') })}
      {field('nip', t('profile.nip'), { hint: t('profile.nipHint'), inputMode: 'numeric' })}
      {field('title', t('profile.jabatan'), { placeholder: t('profile.jabatanPlaceholder') })}
      <div className="dialog-error" role="alert">
        {failure}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => gate.later()} disabled={busy}>
          {reason === 'edit' ? t('profile.cancel') : t('profile.later')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}

/** Reads the profile once at start (telling the gate) and shows the dialog whenever the gate opens it. */
export function ProfileDialogHost({ api }: { api: ApiClient }) {
  const { gate, state } = useProfile();
  const titleId = useId();

  useEffect(() => {
    if (!gate) return;
    let live = true;
    void api.call('profile.get').then((r) => {
      if (live && r.ok) gate.loaded(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, gate]);

  if (!gate) return null;
  return (
    <Modal open={state.dialog !== null} onClose={() => gate.later()} labelledBy={titleId} className="dialog-form">
      {state.dialog !== null && <ProfileForm api={api} gate={gate} reason={state.dialog} initial={state.person ?? null} titleId={titleId} />}
    </Modal>
  );
}
