/**
 * The user's profile (issue 14 item 3) in Chromium through the browser host: a new user is asked
 * for name, NIP and jabatan once at start ("Nanti" lets them go), once more before the first
 * edit of the session — problems worded at their field — and then never again; the top bar, the
 * Buku Kerja card and the Ekspor view's signer block ("Gunakan profil saya") show the same person.
 */
import { expect, test, watchPage, callApi as call, E2E_PERSON } from './host.js';

test.use({ hostOptions: { file: 'profile', profile: false } });

test.describe('Profil perencana (a new user)', () => {
  test('asked at start and before the first edit, calmly; kept, shown and offered to the signer', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: 'Profil perencana' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Isi sekali saja');
    await expect(dialog.getByLabel('Nama lengkap')).toBeFocused();
    await dialog.getByRole('button', { name: 'Nanti' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('profile-status')).toContainText('belum diisi');

    // The first edit of the session asks once more, before the change is sent.
    const card = page.getByRole('region', { name: 'Perubahan dan metode' });
    await card.scrollIntoViewIfNeeded();
    await card.getByLabel('Tanggal perubahan').fill('2022-09-30');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Perubahan pertama sesi ini akan dicatat');
    // Not sent yet: the realised years still follow the old date.
    await expect(card.getByTestId('realised-years')).toContainText('s.d. 2020');

    // Problems at their field, in Indonesian; nothing saved.
    await dialog.getByRole('button', { name: 'Simpan profil' }).click();
    await expect(dialog.getByRole('alert').first()).toHaveText('Nama belum diisi.');
    await dialog.getByLabel('Nama lengkap').fill(E2E_PERSON.name);
    await dialog.getByLabel('NIP').fill('19850412 2010');
    await dialog.getByRole('button', { name: 'Simpan profil' }).click();
    await expect(dialog.getByLabel('NIP')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('NIP terdiri atas 18 angka.');
    await dialog.getByLabel('NIP').fill(E2E_PERSON.nip);
    await dialog.getByLabel('Jabatan').fill(E2E_PERSON.title);
    await dialog.getByRole('button', { name: 'Simpan profil' }).click();
    await expect(dialog).toBeHidden();
    // The edit went ahead, now carrying the person.
    await expect(card.getByTestId('realised-years')).toContainText('s.d. 2021');
    expect(await call(page, 'profile.get')).toEqual(E2E_PERSON);
    await expect(page.getByTestId('profile-status')).toContainText(E2E_PERSON.name);
    await expect(page.getByTestId('profile-card')).toContainText(E2E_PERSON.nip);

    // Never asked again: another edit goes straight through.
    await card.getByLabel('Tanggal perubahan').fill('2021-08-23');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await expect(card.getByTestId('realised-years')).toContainText('s.d. 2020');
    await expect(dialog).toBeHidden();

    // The Buku Kerja card edits it.
    await page.getByTestId('profile-card').getByRole('button', { name: 'Ubah profil' }).click();
    await expect(dialog).toContainText('setiap perubahan berikutnya');
    await expect(dialog.getByLabel('Jabatan')).toHaveValue(E2E_PERSON.title);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();

    // A reload (a profile now exists): no dialog at start.
    await call(page, 'scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } });
    await page.reload();
    await expect(page.getByTestId('profile-status')).toContainText(E2E_PERSON.name);
    await expect(dialog).toBeHidden();

    // The signer block offers the same person.
    await page.getByRole('navigation').getByRole('button', { name: 'Ekspor', exact: true }).click();
    await page.getByRole('button', { name: 'Gunakan profil saya' }).click();
    await expect(page.getByLabel('Nama', { exact: true })).toHaveValue(E2E_PERSON.name);
    await expect(page.getByLabel('NIP', { exact: true })).toHaveValue(E2E_PERSON.nip);
    await expect(page.getByLabel('Jabatan', { exact: true })).toHaveValue(E2E_PERSON.title);
    await expect(page.getByLabel('Catatan Perubahan')).toHaveValue('net');
    await watch.expectClean();
  });

  test('in English too', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('profile-status')).toContainText('Planner');
    await page.getByTestId('profile-card').getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planner profile' });
    await expect(dialog.getByLabel('Full name')).toHaveValue(E2E_PERSON.name);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });
});
