/** The one text rule (shared/text-rules.ts): what the contract refuses, and what the annex writes. */
import { describe, expect, it } from 'vitest';
import { describeTextProblem, textProblem, xmlSafeText } from '../../shared/text-rules.js';

describe('textProblem', () => {
  it('passes ordinary Indonesian and English text, accents, emoji and other scripts', () => {
    for (const text of ['Perubahan 2021', 'Target “semula” → menjadi (±0,5 pp)', 'Café naïve', 'Skenario 🚀 uji', 'مرحبا', '中文', 'Ümit Öz']) {
      expect(textProblem(text)).toBeNull();
      expect(textProblem(text, { name: true })).toBeNull();
    }
  });

  it('refuses C0, DEL and C1 controls; a multi-line field keeps TAB and LF only', () => {
    expect(textProblem('a\u0000b')).toEqual({ kind: 'control', codePoint: 'U+0000', index: 1 });
    expect(textProblem('a\tb')).toMatchObject({ kind: 'control', codePoint: 'U+0009' });
    expect(textProblem('a\nb')).toMatchObject({ kind: 'control', codePoint: 'U+000A' });
    expect(textProblem('a\tb\nc', { multiline: true })).toBeNull();
    expect(textProblem('a\r\nb', { multiline: true })).toMatchObject({ kind: 'control', codePoint: 'U+000D' });
    expect(textProblem('a\u001bb', { multiline: true })).toMatchObject({ kind: 'control', codePoint: 'U+001B' });
    expect(textProblem('a\u007fb', { multiline: true })).toMatchObject({ kind: 'control', codePoint: 'U+007F' });
    expect(textProblem('a\u0085b', { multiline: true })).toMatchObject({ kind: 'control', codePoint: 'U+0085' });
    expect(textProblem('a\u009fb')).toMatchObject({ kind: 'control', codePoint: 'U+009F' });
    expect(textProblem('a\u00a0b')).toBeNull();
  });

  it('refuses every non-character: U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of each plane', () => {
    for (const cp of [0xfffe, 0xffff, 0xfdd0, 0xfdef, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff]) {
      const p = textProblem(`x${String.fromCodePoint(cp)}y`);
      expect(p, cp.toString(16)).toMatchObject({ kind: 'noncharacter', index: 1 });
      expect(p?.codePoint).toBe(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(textProblem('\ufdcf\ufdf0\ufffd')).toBeNull();
    expect(textProblem(String.fromCodePoint(0x1fffd))).toBeNull();
  });

  it('refuses lone surrogates but not a pair', () => {
    expect(textProblem('a\ud800b')).toMatchObject({ kind: 'surrogate', codePoint: 'U+D800' });
    expect(textProblem('a\udc00')).toMatchObject({ kind: 'surrogate', codePoint: 'U+DC00' });
    expect(textProblem('ab\ud83d')).toMatchObject({ kind: 'surrogate', index: 2 });
    expect(textProblem('\ud83d\ude80')).toBeNull();
  });

  it('refuses bidirectional overrides and isolates, not the marks', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(textProblem(`txt${String.fromCharCode(cp)}exe`)).toMatchObject({ kind: 'bidi', index: 3 });
    }
    expect(textProblem('a\u200eb\u200f')).toBeNull();
  });

  it('refuses a name that shows nothing: only whitespace and zero-width characters', () => {
    for (const text of ['', '   ', '\u200b', '\u200b\u200c\u200d', '\u2060\ufeff', ' \u00a0\u3000\u200b ']) {
      expect(textProblem(text, { name: true }), JSON.stringify(text)).toEqual({ kind: 'empty' });
      expect(textProblem(text)).toBeNull();
    }
    expect(textProblem('\u200bA', { name: true })).toBeNull();
  });

  it('describes each problem naming the code point', () => {
    expect(describeTextProblem({ kind: 'control', codePoint: 'U+0000' })).toBe('contains a control character (U+0000)');
    expect(describeTextProblem({ kind: 'noncharacter', codePoint: 'U+FFFE' })).toMatch(/non-character \(U\+FFFE\)/);
    expect(describeTextProblem({ kind: 'bidi', codePoint: 'U+202E' })).toMatch(/bidirectional override or isolate \(U\+202E\)/);
    expect(describeTextProblem({ kind: 'surrogate', codePoint: 'U+D800' })).toMatch(/broken character/);
    expect(describeTextProblem({ kind: 'empty' })).toMatch(/only spaces or invisible characters/);
  });
});

describe('xmlSafeText', () => {
  it('leaves text XML can carry as it is (the same string)', () => {
    const text = 'Alasan:\tCOVID-19\r\n12,32 % → 🚀 \u0085 \ufdd0';
    expect(xmlSafeText(text)).toBe(text);
  });

  it('replaces what XML 1.0 refuses with U+FFFD: U+FFFE, U+FFFF, lone surrogates, C0 controls but TAB/LF/CR', () => {
    expect(xmlSafeText('a\ufffeb\uffffc')).toBe('a\ufffdb\ufffdc');
    expect(xmlSafeText('a\u0000b\u0008c\u000bd')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(xmlSafeText('x\ud800y\udc00')).toBe('x\ufffdy\ufffd');
    expect(xmlSafeText('\ud83d\ude80\ufffe')).toBe('\ud83d\ude80\ufffd');
  });
});
