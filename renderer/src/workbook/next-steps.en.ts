/** "Next steps" on the Buku Kerja (NextSteps.tsx), English. */
import type { nextStepsId } from './next-steps.id.js';

export const nextStepsEn: typeof nextStepsId = {
  title: 'Next steps',
  intro:
    'This workbook holds a worked example of the 2021 revision: the scenario “{{name}}” with the poverty targets revised after COVID-19 and their justifications. Its numbers are illustrative, not the real targets of the revised RPJMD. The example is the proposal (usulan), so it is locked.',
  open: 'See the example in Target: original and revised targets, justifications and charts.',
  openButton: 'Open the example in Target',
  own: 'Make your own scenario (an editable draft), copied from the example or from the original targets.',
  fromExample: 'Copy from the example',
  fromOriginal: 'Start from the original targets',
  export: 'Look at the findings, then export the Raperda annex.',
  checksButton: 'Checks',
  exportButton: 'Export',
};
