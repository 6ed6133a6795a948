/**
 * The Riwayat filter bar: scenario, indicator, person (everyone in the log), a date range typed
 * tttt-bb-hh (applied on Enter or leaving the field; a date the calendar lacks is said beside the
 * field), and the switch between the net change per cell and every step.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Scenario } from '../../../shared/domain.js';
import type { HistoryMode, HistoryPerson } from '../../../shared/history.js';
import { isIsoDate } from '../../../shared/model/revision.js';

export interface HistoryFilterState {
  mode: HistoryMode;
  scenarioId: number | null;
  indicatorCode: string | null;
  person: string | null;
  /** Local days, YYYY-MM-DD, or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilterState = { mode: 'net', scenarioId: null, indicatorCode: null, person: null, from: '', to: '' };

interface Props {
  value: HistoryFilterState;
  scenarios: readonly Scenario[];
  indicators: readonly Indicator[];
  people: readonly HistoryPerson[];
  onChange: (next: HistoryFilterState) => void;
}

/** What the person filter sends for a person: the NIP when there is one, else the name (or the OS account). */
export function personValue(p: HistoryPerson): string {
  return !p.account && p.nip.trim() !== '' ? p.nip.trim() : p.name;
}

function DateField({ label, value, onApply }: { label: string; value: string; onApply: (date: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState(false);
  // A filter cleared or set elsewhere (Hapus saringan) replaces what was typed.
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setProblem(false);
  }
  const apply = () => {
    const text = draft.trim();
    if (text !== '' && !isIsoDate(text)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    if (text !== value) onApply(text);
  };
  return (
    <div className="history-field history-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('history.datePlaceholder')}
        value={draft}
        aria-invalid={problem}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className="history-problem" role="alert">
          {t('history.dateProblem')}
        </span>
      )}
    </div>
  );
}

export function HistoryFilters({ value, scenarios, indicators, people, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ids = { scenario: useId(), indicator: useId(), person: useId() };
  const set = (patch: Partial<HistoryFilterState>) => onChange({ ...value, ...patch });
  const filtered = value.scenarioId !== null || value.indicatorCode !== null || value.person !== null || value.from !== '' || value.to !== '';
  const rangeProblem = value.from !== '' && value.to !== '' && value.from > value.to;
  // The chosen person stays listed even when the other filters leave them out of the log read.
  const listed = value.person !== null && !people.some((p) => personValue(p) === value.person) ? [...people, { name: value.person, nip: '', account: false }] : people;

  return (
    <div className="history-toolbar">
      <div className="history-filters" role="group" aria-label={t('history.filters')}>
        <div className="history-field">
          <label htmlFor={ids.scenario}>{t('history.scenario')}</label>
          <select id={ids.scenario} className="select" value={value.scenarioId ?? ''} onChange={(e) => set({ scenarioId: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">{t('history.allScenarios')}</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.status === 'usulan' ? `${s.name} (${t('workbook.scenarioStatus.usulan')})` : s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="history-field">
          <label htmlFor={ids.indicator}>{t('history.indicator')}</label>
          <select id={ids.indicator} className="select history-indicator" value={value.indicatorCode ?? ''} onChange={(e) => set({ indicatorCode: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('history.allIndicators')}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {lang === 'en' ? i.nameEn : i.nameId}
              </option>
            ))}
          </select>
        </div>
        <div className="history-field">
          <label htmlFor={ids.person}>{t('history.person')}</label>
          <select id={ids.person} className="select history-person" value={value.person ?? ''} onChange={(e) => set({ person: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('history.allPeople')}</option>
            {listed.map((p) => (
              <option key={`${p.account ? 'a' : 'p'}:${personValue(p)}`} value={personValue(p)}>
                {p.account ? t('history.account', { user: p.name }) : p.nip.trim() !== '' ? `${p.name} (${t('history.nip', { nip: p.nip })})` : p.name}
              </option>
            ))}
          </select>
        </div>
        <DateField label={t('history.from')} value={value.from} onApply={(from) => set({ from })} />
        <DateField label={t('history.to')} value={value.to} onApply={(to) => set({ to })} />
        {filtered && (
          <button type="button" className="button history-clear" onClick={() => onChange({ ...NO_FILTERS, mode: value.mode })}>
            {t('history.clear')}
          </button>
        )}
      </div>
      {rangeProblem && (
        <p className="history-problem" role="alert">
          {t('history.rangeProblem')}
        </p>
      )}
      <div className="history-mode" role="group" aria-label={t('history.mode')}>
        {(['net', 'steps'] as const).map((m) => (
          <button key={m} type="button" className="history-mode-button" aria-pressed={value.mode === m} onClick={() => set({ mode: m })}>
            {m === 'net' ? t('history.modeNet') : t('history.modeSteps')}
          </button>
        ))}
        <span className="hint history-mode-hint">{value.mode === 'net' ? t('history.modeNetHint') : t('history.modeStepsHint')}</span>
      </div>
    </div>
  );
}
