/**
 * Bahasa Indonesia for the user's profile (renderer/src/components/Profile*.tsx): the person —
 * nama, NIP, jabatan — written into every change and offered to the annex's signer block; merged
 * under `profile` (i18n/index.ts). profile.en.ts has the same keys.
 */
export const profileId = {
  title: 'Profil perencana',
  leadStart:
    'Setiap perubahan dicatat beserta orang yang membuatnya, dan Catatan Perubahan pada lampiran menuliskannya untuk tim evaluasi. Isi sekali saja; tersimpan di komputer ini, bukan di buku kerja.',
  leadBeforeWrite:
    'Perubahan pertama sesi ini akan dicatat. Tuliskan nama, NIP, dan jabatan Anda agar Catatan Perubahan menyebut Anda. Bila dilewati, perubahan dicatat atas akun komputer.',
  leadEdit: 'Nama, NIP, dan jabatan ini ditulis pada setiap perubahan berikutnya. Tersimpan di komputer ini, bukan di buku kerja.',
  name: 'Nama lengkap',
  namePlaceholder: 'mis. Rina Marlina, S.E., M.Si.',
  nip: 'NIP',
  nipHint: '18 angka, boleh berspasi; kosongkan bila tidak ada.',
  jabatan: 'Jabatan',
  jabatanPlaceholder: 'mis. Perencana Ahli Muda, Bappeda',
  save: 'Simpan profil',
  later: 'Nanti',
  cancel: 'Batal',
  problems: {
    name_empty: 'Nama belum diisi.',
    name_too_long: 'Nama terlalu panjang (paling banyak 200 karakter).',
    title_too_long: 'Jabatan terlalu panjang (paling banyak 200 karakter).',
    nip_not_digits: 'NIP hanya berisi angka (boleh berspasi).',
    nip_length: 'NIP terdiri atas 18 angka.',
  },
  saveFailed: 'Profil tidak tersimpan: {{message}}',
  topbarLabel: 'Perencana',
  topbarNone: 'belum diisi',
  cardTitle: 'Profil Anda',
  cardNone: 'Nama, NIP, dan jabatan belum diisi: perubahan dicatat atas akun komputer.',
  cardEdit: 'Ubah profil',
  cardFill: 'Isi nama, NIP, dan jabatan',
  useMine: 'Gunakan profil saya',
  useMineHint: 'Isi penanda tangan dengan nama, NIP, dan jabatan dari profil Anda.',
  noProfile: 'Profil belum diisi.',
  changeLog: 'Catatan Perubahan',
  changeLogNet: 'Perubahan bersih per sel (untuk penilai)',
  changeLogFull: 'Riwayat lengkap, langkah demi langkah',
};
