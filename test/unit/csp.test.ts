import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../shared/security/csp.js';

describe('CSP', () => {
  it('allows only our own scripts and nonce-tagged style elements', () => {
    const csp = buildCsp('abcdefghijklmnop1234');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'nonce-abcdefghijklmnop1234'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
  it('refuses a nonce that could break out of the policy', () => {
    expect(() => buildCsp("x'; script-src *")).toThrow();
    expect(() => buildCsp('short')).toThrow();
  });
});
