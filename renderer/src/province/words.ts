/** The province view's codes in words (province.*.ts): why a workbook was left out. */
import { EXCLUDED_REASONS, type ExcludedReason } from '../../../shared/province-words.js';

/** The reasons the view words one by one (shared/province-words.ts); any other store code is said with its code. */
export function excludedReasonKey(reason: string): `province.excluded.reasons.${ExcludedReason | 'other'}` {
  return (EXCLUDED_REASONS as readonly string[]).includes(reason) ? `province.excluded.reasons.${reason as ExcludedReason}` : 'province.excluded.reasons.other';
}

/** A full path: /…, C:\… or C:/…, or \\server\share (as the empty state's path field takes it). */
export const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/** The folder the province view read last in this tab (the browser host: a page cannot browse the disk). */
export const FOLDER_STORAGE_KEY = 'workbench.province.folder';
