import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annexDefaultName, annexFilters, withAnnexExtension } from '../../electron/shell/annex-files.js';
import { openFilters, saveFilters, withWorkbookExtension } from '../../electron/shell/file-dialogs.js';
import type { MenuItemSpec } from '../../electron/shell/menu-template.js';
import { menuTemplate } from '../../electron/shell/menu-template.js';

const labels = (items: MenuItemSpec[] | undefined) => (items ?? []).map((i) => i.label ?? i.type);

describe('menuTemplate', () => {
  it('is Indonesian by default: Berkas, Sunting and Bantuan with the issues’ items', () => {
    const [file, edit, help] = menuTemplate();
    expect(file?.label).toBe('&Berkas');
    expect(labels(file?.submenu)).toEqual(['Baru…', 'Buka…', 'Simpan Sebagai…', 'separator', 'Ekspor Lampiran…', 'separator', 'Tutup', 'separator', 'Keluar']);
    expect(edit?.label).toBe('&Sunting');
    expect(labels(edit?.submenu)).toEqual(['Urungkan', 'Ulangi', 'Ulangi', 'separator', 'Potong', 'Salin', 'Tempel', 'separator', 'Pilih Semua']);
    expect(help?.label).toBe('Ban&tuan');
    expect(labels(help?.submenu)).toEqual(['Tentang RPJMD Workbench']);
  });

  it('wires each item to its action, and Keluar to the quit role', () => {
    const [file, , help] = menuTemplate('id');
    expect(file?.submenu?.map((i) => i.action ?? i.command ?? i.role ?? i.type)).toEqual(['new', 'open', 'save-as', 'separator', 'export-annex', 'separator', 'close', 'separator', 'quit']);
    // Ekspor Lampiran opens the Ekspor view (a renderer command): the options are chosen there.
    expect(file?.submenu?.find((i) => i.command === 'export-annex')?.accelerator).toBe('CmdOrCtrl+E');
    expect(help?.submenu?.[0]?.action).toBe('about');
  });

  it('Sunting: Urungkan/Ulangi are renderer commands (Ctrl+Z; Ctrl+Y and a hidden Ctrl+Shift+Z), the rest Electron roles', () => {
    const edit = menuTemplate('id')[1]?.submenu ?? [];
    expect(edit.map((i) => i.command ?? i.role ?? i.type)).toEqual(['undo', 'redo', 'redo', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(edit.map((i) => i.accelerator ?? null)).toEqual([
      'CmdOrCtrl+Z',
      'CmdOrCtrl+Y',
      'CmdOrCtrl+Shift+Z',
      null,
      'CmdOrCtrl+X',
      'CmdOrCtrl+C',
      'CmdOrCtrl+V',
      null,
      'CmdOrCtrl+A',
    ]);
    expect(edit.filter((i) => i.visible === false).map((i) => i.accelerator)).toEqual(['CmdOrCtrl+Shift+Z']);
    // No item both runs a main action and sends a renderer command.
    expect(edit.every((i) => !(i.action && i.command))).toBe(true);
  });

  it('has an English variant with the same structure', () => {
    const id = menuTemplate('id');
    const en = menuTemplate('en');
    expect(labels(en[0]?.submenu)).toEqual(['New…', 'Open…', 'Save As…', 'separator', 'Export Annex…', 'separator', 'Close', 'separator', 'Quit']);
    expect(en[1]?.label).toBe('&Edit');
    expect(labels(en[1]?.submenu)).toEqual(['Undo', 'Redo', 'Redo', 'separator', 'Cut', 'Copy', 'Paste', 'separator', 'Select All']);
    const strip = (items: MenuItemSpec[]): unknown => items.map(({ label: _l, submenu, ...rest }) => ({ ...rest, submenu: submenu && strip(submenu) }));
    expect(strip(en)).toEqual(strip(id));
  });

  it('uses distinct accelerators', () => {
    const accels = menuTemplate()
      .flatMap((m) => m.submenu ?? [])
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accels).size).toBe(accels.length);
  });
});

describe('file dialog filters', () => {
  it('opens RPJMD workbooks and any SQLite file; saves only workbooks', () => {
    expect(openFilters('id')).toEqual([
      { name: 'Buku kerja RPJMD', extensions: ['rpjmd'] },
      { name: 'Berkas SQLite', extensions: ['rpjmd', 'sqlite', 'sqlite3', 'db'] },
    ]);
    expect(saveFilters('id')).toEqual([{ name: 'Buku kerja RPJMD', extensions: ['rpjmd'] }]);
    expect(saveFilters('en')).toEqual([{ name: 'RPJMD workbook', extensions: ['rpjmd'] }]);
  });

  it('adds .rpjmd to a bare name and keeps an explicit extension', () => {
    const dir = path.resolve('/docs');
    expect(withWorkbookExtension(path.join(dir, 'Revisi 2021'))).toBe(path.join(dir, 'Revisi 2021.rpjmd'));
    expect(withWorkbookExtension(path.join(dir, 'Revisi.rpjmd'))).toBe(path.join(dir, 'Revisi.rpjmd'));
    expect(withWorkbookExtension(path.join(dir, 'salinan.sqlite'))).toBe(path.join(dir, 'salinan.sqlite'));
  });
});

describe('annex save dialog', () => {
  it('offers the one format being saved, under the name the annex would get, and adds the extension', () => {
    expect(annexFilters('pdf', 'id')).toEqual([{ name: 'Dokumen PDF', extensions: ['pdf'] }]);
    expect(annexFilters('xlsx', 'en')).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
    const plan = { region: 'Kabupaten Muara Enim', firstYear: 2018, lastYear: 2023 };
    expect(annexDefaultName(plan, 'id', 'pdf')).toBe('Lampiran-Perubahan-RPJMD-Kabupaten-Muara-Enim-2018-2023.pdf');
    expect(annexDefaultName(plan, 'en', 'xlsx')).toBe('Annex-RPJMD-Revision-Kabupaten-Muara-Enim-2018-2023.xlsx');
    const dir = path.resolve('/docs');
    expect(withAnnexExtension(path.join(dir, 'lampiran'), 'pdf')).toBe(path.join(dir, 'lampiran.pdf'));
    expect(withAnnexExtension(path.join(dir, 'lampiran.PDF'), 'pdf')).toBe(path.join(dir, 'lampiran.PDF'));
    expect(withAnnexExtension(path.join(dir, 'lampiran.xlsx'), 'pdf')).toBe(path.join(dir, 'lampiran.xlsx.pdf'));
  });
});
