import { describe, expect, it } from 'vitest';
import { allowPermission } from '../../electron/shell/permissions.js';

describe('web permissions', () => {
  it('lets our page write to the clipboard (Salin PNG) and nothing else', () => {
    expect(allowPermission('clipboard-sanitized-write', 'app://workbench')).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'app://workbench/index.html')).toBe(true);
    for (const p of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen']) {
      expect(allowPermission(p, 'app://workbench')).toBe(false);
    }
  });

  it('refuses other origins and look-alikes, and an unknown origin', () => {
    for (const origin of ['https://example.org', 'app://workbench.evil', 'app://workbench@evil', 'app://workbench:80', 'file:///etc/passwd', '', undefined]) {
      expect(allowPermission('clipboard-sanitized-write', origin)).toBe(false);
    }
  });
});
