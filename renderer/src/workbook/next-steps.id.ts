/** "Langkah berikutnya" on the Buku Kerja (NextSteps.tsx), Bahasa Indonesia. */
export const nextStepsId = {
  title: 'Langkah berikutnya',
  intro:
    'Buku kerja ini memuat contoh kerja perubahan 2021: skenario “{{name}}” dengan target kemiskinan yang diubah setelah COVID-19 dan alasan perubahannya. Angkanya ilustrasi, bukan target Perda Perubahan RPJMD yang sebenarnya. Contoh ini berstatus usulan, jadi terkunci.',
  open: 'Lihat contoh di Target: target semula dan menjadi, alasan perubahan, dan grafiknya.',
  openButton: 'Buka contoh di Target',
  own: 'Buat skenario sendiri (draf yang bisa disunting), disalin dari contoh atau dari target awal.',
  fromExample: 'Salin dari contoh',
  fromOriginal: 'Mulai dari target awal',
  export: 'Periksa temuan, lalu ekspor lampiran Raperda.',
  checksButton: 'Pemeriksaan',
  exportButton: 'Ekspor',
};
