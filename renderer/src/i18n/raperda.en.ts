/** English for the Buku Kerja card "Lampiran Raperda" (same keys as raperda.id.ts). */
import type { RaperdaMessages } from './raperda.id.js';

export const raperdaEn: RaperdaMessages = {
  title: 'Raperda annex',
  lead: 'The header of the draft regional regulation (Raperda) annex and the responsible agency (Perangkat Daerah) of each indicator, as the annex prints them. Leave the number or year empty while there is none: the annex prints dots.',
  documentNumber: 'Raperda number',
  documentYear: 'Year',
  amendedRegulation: 'Regulation amended',
  amendedPlaceholder: 'Peraturan Daerah Kabupaten … Nomor … Tahun … tentang …',
  yearPlaceholder: 'yyyy',
  saveHeader: 'Save annex header',
  headerSaved: 'Annex header saved.',
  unitsTitle: 'Responsible agency (Perangkat Daerah)',
  unitsNote: 'Press Enter or leave the field to save; every change can be undone (Ctrl+Z).',
  indicator: 'Indicator',
  unit: 'Responsible agency',
  unitFor: 'Responsible agency of {{indicator}}',
  unitPlaceholder: 'e.g. Dinas Sosial',
  unitSaved: 'Saved',
  unitSavedFor: 'Responsible agency of {{indicator}} saved.',
  unitCount: '{{set}} of {{total}} indicators have a responsible agency',
  problems: {
    too_long: 'Too long: {{length}} characters, at most {{max}}.',
    not_a_year: 'Write a four-digit year between {{min}} and {{max}}, or leave it empty.',
    control: 'Contains a control character ({{codePoint}}) that cannot be stored; type the text again.',
    noncharacter: 'Contains a character {{codePoint}} a file cannot carry; type the text again.',
    surrogate: 'Contains a broken character ({{codePoint}}); type the text again.',
    bidi: 'Contains a text-direction override ({{codePoint}}) that makes the text read differently; remove it.',
    empty: 'Holds only spaces or invisible characters.',
    service: '{{title}} The service says: {{message}}',
  },
};
