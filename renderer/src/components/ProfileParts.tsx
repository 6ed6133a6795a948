/**
 * Where the user's profile shows outside its dialog: the top bar's "Perencana" (who the next
 * change will name), the Buku Kerja card that opens the dialog, and the Ekspor view's "Gunakan
 * profil saya" for the signer block.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/domain.js';
import { useProfile } from './profile-gate.js';

/** Top bar: the person the next change will name (plain text; the Buku Kerja card edits it). */
export function ProfileStatus() {
  const { t } = useTranslation();
  const { gate, state } = useProfile();
  if (!gate || state.person === undefined) return null;
  return (
    <div className="topbar-host topbar-person" data-testid="profile-status">
      <span className="topbar-label">{t('profile.topbarLabel')}</span>
      <span className="host-name" title={state.person ? [state.person.name, state.person.nip, state.person.title].filter(Boolean).join(' — ') : undefined}>
        {state.person ? state.person.name : t('profile.topbarNone')}
      </span>
    </div>
  );
}

/** Buku Kerja: who the changes name, with the button that opens the profile dialog. */
export function ProfileCard() {
  const { t } = useTranslation();
  const { gate, state } = useProfile();
  const titleId = useId();
  if (!gate || state.person === undefined) return null;
  const p = state.person;
  return (
    <section className="card" aria-labelledby={titleId} data-testid="profile-card">
      <h2 className="card-title" id={titleId}>
        {t('profile.cardTitle')}
      </h2>
      {p ? (
        <dl className="facts facts-compact">
          <dt>{t('profile.name')}</dt>
          <dd>{p.name}</dd>
          <dt>{t('profile.nip')}</dt>
          <dd>{p.nip || '–'}</dd>
          <dt>{t('profile.jabatan')}</dt>
          <dd>{p.title || '–'}</dd>
        </dl>
      ) : (
        <p className="muted">{t('profile.cardNone')}</p>
      )}
      <button type="button" className="button" onClick={() => gate.open('edit')}>
        {p ? t('profile.cardEdit') : t('profile.cardFill')}
      </button>
    </section>
  );
}

/** Ekspor: fills the signer block from the profile (place is kept: it is the office's, not the person's). */
export function UseMyProfileButton({ onUse }: { onUse: (person: Person) => void }) {
  const { t } = useTranslation();
  const { gate, state } = useProfile();
  if (!gate) return null;
  const person = state.person;
  return (
    <button
      type="button"
      className="button"
      title={person ? t('profile.useMineHint') : t('profile.noProfile')}
      onClick={() => (person ? onUse(person) : gate.open('edit'))}
    >
      {t('profile.useMine')}
    </button>
  );
}
