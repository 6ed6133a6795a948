import { describe, expect, it } from 'vitest';
import { classifyLocation, parseDropboxInfo, parseProcMounts, type LocationProbe } from '../../electron/workbook/location.js';

function probe(over: Partial<LocationProbe> = {}): LocationProbe {
  return { platform: 'linux', env: {}, homedir: '/home/perencana', mounts: [], networkDrives: [], cloudRoots: [], remoteRoots: [], ...over };
}
const win = (over: Partial<LocationProbe> = {}) => probe({ platform: 'win32', homedir: 'C:\\Users\\perencana', ...over });

describe('where a workbook lives', () => {
  it('a plain local path is local', () => {
    expect(classifyLocation('/home/perencana/Dokumen/rpjmd.rpjmd', probe())).toEqual({ kind: 'local' });
    expect(classifyLocation('C:\\Users\\perencana\\Documents\\rpjmd.rpjmd', win())).toEqual({ kind: 'local' });
    expect(classifyLocation('\\\\?\\C:\\Data\\rpjmd.rpjmd', win())).toEqual({ kind: 'local' });
  });

  it('UNC paths are network shares, in their short and long forms', () => {
    expect(classifyLocation('\\\\bappeda-srv\\perencanaan\\rpjmd.rpjmd', win())).toEqual({ kind: 'network', via: 'unc', detail: 'bappeda-srv' });
    expect(classifyLocation('\\\\?\\UNC\\bappeda-srv\\perencanaan\\rpjmd.rpjmd', win())).toMatchObject({ kind: 'network', detail: 'bappeda-srv' });
    expect(classifyLocation('//bappeda-srv/perencanaan/rpjmd.rpjmd', win())).toMatchObject({ kind: 'network', via: 'unc' });
  });

  it('known mapped drives and declared roots are network; other drives are not', () => {
    const p = win({ networkDrives: ['Z'], remoteRoots: ['Y:\\'] });
    expect(classifyLocation('Z:\\rpjmd.rpjmd', p)).toEqual({ kind: 'network', via: 'mapped-drive', detail: 'Z:' });
    expect(classifyLocation('y:\\Bappeda\\rpjmd.rpjmd', p)).toMatchObject({ kind: 'network', via: 'declared' });
    expect(classifyLocation('D:\\rpjmd.rpjmd', p)).toEqual({ kind: 'local' });
  });

  it('OneDrive roots from the env vars, case-insensitively on Windows', () => {
    const p = win({ env: { OneDriveCommercial: 'C:\\Users\\perencana\\OneDrive - Pemkab Muara Enim' } });
    expect(classifyLocation('c:\\users\\perencana\\onedrive - pemkab muara enim\\RPJMD\\a.rpjmd', p)).toMatchObject({ kind: 'cloud', provider: 'OneDrive' });
  });

  it('Dropbox roots from info.json, and a folder named like a client root anywhere', () => {
    const roots = parseDropboxInfo('{"personal": {"path": "/home/perencana/Kantor", "host": 1}, "business": {"path": "/srv/db"}}');
    expect(roots).toEqual(['/home/perencana/Kantor', '/srv/db']);
    const p = probe({ cloudRoots: roots.map((root) => ({ provider: 'Dropbox' as const, root })) });
    expect(classifyLocation('/home/perencana/Kantor/rpjmd.rpjmd', p)).toMatchObject({ kind: 'cloud', provider: 'Dropbox', root: '/home/perencana/Kantor' });
    expect(classifyLocation('/home/perencana/Kantorlain/rpjmd.rpjmd', p)).toEqual({ kind: 'local' });
    expect(classifyLocation('/home/perencana/Dropbox (Bappeda)/x.rpjmd', probe())).toMatchObject({ kind: 'cloud', provider: 'Dropbox' });
    expect(classifyLocation('D:\\Google Drive\\x.rpjmd', win())).toMatchObject({ kind: 'cloud', provider: 'Google Drive' });
    expect(parseDropboxInfo('not json')).toEqual([]);
  });

  it('macOS File Provider folders are cloud', () => {
    const p = probe({ platform: 'darwin', homedir: '/Users/p' });
    expect(classifyLocation('/Users/p/Library/CloudStorage/GoogleDrive-p@example.org/My Drive/a.rpjmd', p)).toMatchObject({ kind: 'cloud', provider: 'Google Drive' });
  });

  it('the longest mount decides: NFS/CIFS/sshfs are network, a local mount inside one is not', () => {
    const mounts = parseProcMounts(
      ['/dev/vda / ext4 rw 0 0', '//srv/share /mnt/bappeda cifs rw 0 0', '/dev/sdb1 /mnt/bappeda/usb ext4 rw 0 0', 'srv:/x /mnt/nfs\\040data nfs4 rw 0 0', 'u@h: /mnt/ssh fuse.sshfs rw 0 0'].join('\n'),
    );
    expect(mounts[3]).toEqual({ mountPoint: '/mnt/nfs data', fsType: 'nfs4' });
    const p = probe({ mounts });
    expect(classifyLocation('/mnt/bappeda/rpjmd.rpjmd', p)).toEqual({ kind: 'network', via: 'network-mount', detail: 'cifs' });
    expect(classifyLocation('/mnt/bappeda/usb/rpjmd.rpjmd', p)).toEqual({ kind: 'local' });
    expect(classifyLocation('/mnt/nfs data/rpjmd.rpjmd', p)).toMatchObject({ kind: 'network', detail: 'nfs4' });
    expect(classifyLocation('/mnt/ssh/rpjmd.rpjmd', p)).toMatchObject({ kind: 'network', detail: 'fuse.sshfs' });
    expect(classifyLocation('/home/perencana/rpjmd.rpjmd', p)).toEqual({ kind: 'local' });
  });
});
