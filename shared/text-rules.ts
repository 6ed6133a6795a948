/**
 * Text that stays well-formed: the one rule for every piece of text the planner writes into a
 * workbook (names, descriptions, justifications, references, the signer, method-change notes).
 *
 * Refused: control characters (C0, DEL and C1; a multi-line field keeps TAB and LF), Unicode
 * non-characters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF
 * among them — XML cannot carry those, so they would break the annex), lone surrogates (not
 * text at all), and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which make text read differently from what is stored. A name must also show something: one
 * that is empty once whitespace and zero-width characters are removed is refused.
 *
 * Pure: used by the API contract's schemas (shared/api/contract.ts) and by the annex writer.
 */

export type TextProblemKind = 'control' | 'noncharacter' | 'surrogate' | 'bidi' | 'empty';

export interface TextProblem {
  kind: TextProblemKind;
  /** The offending code point as U+XXXX (absent for 'empty'). */
  codePoint?: string;
  /** Its position in the text (UTF-16 index; absent for 'empty'). */
  index?: number;
}

export interface TextRule {
  /** Keeps TAB and LF (descriptions, justifications, sources, notes). */
  multiline?: boolean;
  /** Must show something: not empty after whitespace and zero-width characters are removed. */
  name?: boolean;
}

/** Zero-width characters that show nothing: ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM / ZWNBSP. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function classify(cp: number, multiline: boolean): TextProblemKind | null {
  if (cp < 0x20) return multiline && (cp === 0x09 || cp === 0x0a) ? null : 'control';
  if (cp >= 0x7f && cp <= 0x9f) return 'control';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  return null;
}

/** The first thing wrong with `text` under `rule`, or null when it is well-formed. */
export function textProblem(text: string, rule: TextRule = {}): TextProblem | null {
  const multiline = rule.multiline === true;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // Plain printable ASCII and most of the BMP pass at once.
    if (cp >= 0x20 && cp < 0x7f) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        const kind = classify(cp, multiline);
        if (kind) return { kind, codePoint: codePointLabel(cp), index: i };
        i++;
        continue;
      }
    }
    const kind = classify(cp, multiline);
    if (kind) return { kind, codePoint: codePointLabel(cp), index: i };
  }
  if (rule.name && text.replace(ZERO_WIDTH, '').trim() === '') return { kind: 'empty' };
  return null;
}

/** The problem in words, as an input error names it (English, like every service message). */
export function describeTextProblem(p: TextProblem): string {
  switch (p.kind) {
    case 'control':
      return `contains a control character (${p.codePoint})`;
    case 'noncharacter':
      return `contains a Unicode non-character (${p.codePoint}), which a file cannot carry`;
    case 'surrogate':
      return `contains a broken character (a lone ${p.codePoint} surrogate)`;
    case 'bidi':
      return `contains a bidirectional override or isolate (${p.codePoint}), which makes the text read differently from what is stored`;
    case 'empty':
      return 'is empty: it has only spaces or invisible characters';
  }
}

/**
 * Text as XML 1.0 can carry it (https://www.w3.org/TR/xml/#charsets): every character outside
 * Char — C0 controls but TAB, LF and CR, lone surrogates, U+FFFE and U+FFFF — becomes U+FFFD.
 * For writing text that older workbooks may hold (before the contract refused it) into the annex.
 */
export function xmlSafeText(text: string): string {
  // Fast path: nothing to replace (the common case).
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
        continue;
      }
    }
    const bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
    out += bad ? '\uFFFD' : text[i]!;
  }
  return out;
}
