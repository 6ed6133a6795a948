/** A file the service built (base64) handed to the browser as a download (Ekspor, Provinsi). */
import type { AnnexFormat } from '../../shared/annex.js';

const MIME_TYPES: Record<AnnexFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function downloadBase64(fileName: string, base64: string, format: AnnexFormat): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
