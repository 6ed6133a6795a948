/**
 * Bahasa Indonesia for the Buku Kerja card "Lampiran Raperda" (renderer/src/workbook/AnnexSettings.tsx):
 * the Raperda header and the Perangkat Daerah per indicator, merged under `raperda`
 * (i18n/index.ts). raperda.en.ts has the same keys.
 */
export const raperdaId = {
  title: 'Lampiran Raperda',
  lead: 'Kepala lampiran Rancangan Peraturan Daerah dan Perangkat Daerah penanggung jawab tiap indikator, seperti dicetak di lampiran. Kosongkan nomor atau tahun bila belum ada: lampiran mencetak titik-titik.',
  documentNumber: 'Nomor Raperda',
  documentYear: 'Tahun',
  amendedRegulation: 'Perda yang diubah',
  amendedPlaceholder: 'Peraturan Daerah Kabupaten … Nomor … Tahun … tentang …',
  yearPlaceholder: 'tttt',
  saveHeader: 'Simpan kepala lampiran',
  headerSaved: 'Kepala lampiran tersimpan.',
  unitsTitle: 'Perangkat Daerah penanggung jawab',
  unitsNote: 'Tekan Enter atau pindah dari kolom untuk menyimpan; setiap perubahan dapat diurungkan (Ctrl+Z).',
  indicator: 'Indikator',
  unit: 'Perangkat Daerah',
  unitFor: 'Perangkat Daerah {{indicator}}',
  unitPlaceholder: 'mis. Dinas Sosial',
  unitSaved: 'Tersimpan',
  unitSavedFor: 'Perangkat Daerah {{indicator}} tersimpan.',
  unitCount: '{{set}} dari {{total}} indikator sudah memiliki Perangkat Daerah',
  problems: {
    too_long: 'Terlalu panjang: {{length}} karakter, paling banyak {{max}}.',
    not_a_year: 'Tulis tahun empat angka antara {{min}} dan {{max}}, atau kosongkan.',
    control: 'Ada karakter kendali ({{codePoint}}) yang tidak dapat disimpan; ketik ulang teksnya.',
    noncharacter: 'Ada karakter {{codePoint}} yang tidak dapat dibawa berkas; ketik ulang teksnya.',
    surrogate: 'Ada karakter rusak ({{codePoint}}); ketik ulang teksnya.',
    bidi: 'Ada karakter pembalik arah teks ({{codePoint}}) yang membuat teks terbaca lain; hapus karakter itu.',
    empty: 'Isinya hanya spasi atau karakter tak terlihat.',
    service: '{{title}} Rincian dari layanan: {{message}}',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape raperda.en.ts must fill. */
export type RaperdaMessages = Widen<typeof raperdaId>;
