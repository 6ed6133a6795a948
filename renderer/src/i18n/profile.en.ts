/** English for the user's profile; the same keys as profile.id.ts. */
import type { profileId } from './profile.id.js';

export const profileEn: typeof profileId = {
  title: 'Planner profile',
  leadStart:
    'Every change is recorded with the person who made it, and the annex’s change log names them for the evaluation team. Fill this in once; it is kept on this computer, not in the workbook.',
  leadBeforeWrite:
    'The first change of this session is about to be recorded. Give your name, NIP and position so the change log names you. If you skip this, the change is recorded under the computer account.',
  leadEdit: 'This name, NIP and position are written into every later change. Kept on this computer, not in the workbook.',
  name: 'Full name',
  namePlaceholder: 'e.g. Rina Marlina, S.E., M.Si.',
  nip: 'NIP',
  nipHint: '18 digits, spaces allowed; leave empty if you have none.',
  jabatan: 'Position (jabatan)',
  jabatanPlaceholder: 'e.g. Perencana Ahli Muda, Bappeda',
  save: 'Save profile',
  later: 'Later',
  cancel: 'Cancel',
  problems: {
    name_empty: 'The name is empty.',
    name_too_long: 'The name is too long (at most 200 characters).',
    title_too_long: 'The position is too long (at most 200 characters).',
    nip_not_digits: 'A NIP holds digits only (spaces allowed).',
    nip_length: 'A NIP has 18 digits.',
  },
  saveFailed: 'The profile was not saved: {{message}}',
  topbarLabel: 'Planner',
  topbarNone: 'not given',
  cardTitle: 'Your profile',
  cardNone: 'No name, NIP or position given yet: changes are recorded under the computer account.',
  cardEdit: 'Edit profile',
  cardFill: 'Give your name, NIP and position',
  useMine: 'Use my profile',
  useMineHint: 'Fill the signer with the name, NIP and position of your profile.',
  noProfile: 'No profile given yet.',
  changeLog: 'Change log',
  changeLogNet: 'Net change per cell (for reviewers)',
  changeLogFull: 'Full history, step by step',
};
