import type { Indicator } from '../../shared/domain.js';

/** An indicator to seed; the Perangkat Daerah is optional (a new workbook's planner sets it). */
export type IndicatorSpec = Omit<Indicator, 'id' | 'responsibleUnit'> & { responsibleUnit?: string | null };

/**
 * The standard indicator set every new workbook starts with, in the order the RPJMD Bab IX
 * table lists them (makro first, then kemiskinan). Codes are stable keys used by data files.
 */
export const STANDARD_INDICATORS: readonly IndicatorSpec[] = [
  { code: 'PE', minValue: -100, maxValue: 100, nameId: 'Pertumbuhan Ekonomi', nameEn: 'Economic growth', unit: '%', polarity: 'higher', decimals: 2, group: 'makro',
    definition: 'Laju pertumbuhan PDRB atas dasar harga konstan terhadap tahun sebelumnya.' },
  { code: 'PDRBK', minValue: 0, maxValue: null, nameId: 'PDRB per Kapita (ADHB)', nameEn: 'GRDP per capita (current prices)', unit: 'juta Rp', polarity: 'higher', decimals: 2, group: 'makro',
    definition: 'Produk domestik regional bruto atas dasar harga berlaku dibagi jumlah penduduk pertengahan tahun.' },
  { code: 'TPT', minValue: 0, maxValue: 100, nameId: 'Tingkat Pengangguran Terbuka', nameEn: 'Open unemployment rate', unit: '%', polarity: 'lower', decimals: 2, group: 'makro',
    definition: 'Persentase penganggur terhadap angkatan kerja (Sakernas Agustus).' },
  { code: 'IPM', minValue: 0, maxValue: 100, nameId: 'Indeks Pembangunan Manusia', nameEn: 'Human Development Index', unit: 'indeks', polarity: 'higher', decimals: 2, group: 'makro',
    definition: 'Indeks komposit umur panjang, pengetahuan dan standar hidup layak (BPS).' },
  { code: 'GINI', minValue: 0, maxValue: 1, nameId: 'Rasio Gini', nameEn: 'Gini ratio', unit: 'indeks', polarity: 'lower', decimals: 3, group: 'makro',
    definition: 'Ukuran ketimpangan pengeluaran, 0 (merata) sampai 1 (timpang).' },
  { code: 'POP', minValue: 0, maxValue: null, nameId: 'Jumlah Penduduk', nameEn: 'Population', unit: 'jiwa', polarity: 'neutral', decimals: 0, group: 'makro',
    definition: 'Jumlah penduduk pertengahan tahun (proyeksi BPS atau hasil sensus).' },
  { code: 'P0', minValue: 0, maxValue: 100, nameId: 'Persentase Penduduk Miskin', nameEn: 'Poverty rate (P0)', unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: 'Persentase penduduk dengan pengeluaran per kapita di bawah garis kemiskinan (Susenas Maret).' },
  { code: 'JPM', minValue: 0, maxValue: null, nameId: 'Jumlah Penduduk Miskin', nameEn: 'Number of poor people', unit: 'jiwa', polarity: 'lower', decimals: 0, group: 'kemiskinan',
    definition: 'Jumlah penduduk dengan pengeluaran per kapita di bawah garis kemiskinan.' },
  { code: 'P0E', minValue: 0, maxValue: 100, nameId: 'Persentase Penduduk Miskin Ekstrem', nameEn: 'Extreme poverty rate', unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: 'Persentase penduduk di bawah garis kemiskinan ekstrem (setara USD 1,9 PPP per hari).' },
  { code: 'JPME', minValue: 0, maxValue: null, nameId: 'Jumlah Penduduk Miskin Ekstrem', nameEn: 'Number of people in extreme poverty', unit: 'jiwa', polarity: 'lower', decimals: 0, group: 'kemiskinan',
    definition: 'Jumlah penduduk di bawah garis kemiskinan ekstrem.' },
  { code: 'P1', minValue: 0, maxValue: null, nameId: 'Indeks Kedalaman Kemiskinan (P1)', nameEn: 'Poverty gap index (P1)', unit: 'indeks', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: 'Rata-rata kesenjangan pengeluaran penduduk miskin terhadap garis kemiskinan.' },
  { code: 'P2', minValue: 0, maxValue: null, nameId: 'Indeks Keparahan Kemiskinan (P2)', nameEn: 'Poverty severity index (P2)', unit: 'indeks', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: 'Sebaran pengeluaran di antara penduduk miskin.' },
  { code: 'GK', minValue: 0, maxValue: null, nameId: 'Garis Kemiskinan', nameEn: 'Poverty line', unit: 'Rp/kapita/bulan', polarity: 'neutral', decimals: 0, group: 'kemiskinan',
    definition: 'Nilai pengeluaran minimum makanan dan bukan makanan per kapita per bulan.' },
];
