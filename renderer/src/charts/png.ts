/**
 * A chart as a PNG: copied to the clipboard (navigator.clipboard.write with a ClipboardItem,
 * where the host allows it) or saved through a download link from canvas.toDataURL (the CSP
 * allows img-src data: blob:).
 */

export type CopyOutcome = 'copied' | 'unsupported' | 'failed';

function toBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}

/** Copies the canvas as image/png; 'unsupported' where the browser has no ClipboardItem. */
export async function copyCanvasPng(canvas: HTMLCanvasElement): Promise<CopyOutcome> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return 'unsupported';
  try {
    // Passing the promise keeps the user activation of the click through toBlob (Safari needs it).
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': toBlob(canvas).then((b) => b ?? Promise.reject(new Error('no image'))) })]);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** A file name from free text: letters, digits and dashes only. */
export function pngFileName(...parts: string[]): string {
  const base = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'grafik'}.png`;
}

/** Saves the canvas as a PNG file through a temporary download link. */
export function saveCanvasPng(canvas: HTMLCanvasElement, fileName: string): void {
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
