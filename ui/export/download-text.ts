/** Some browsers cancel a download whose URL is revoked before it started; a few kB held this long costs nothing. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves `text` as a file named `fileName` (through a Blob and an `<a download>`); `mediaType` is
 * the file's type, e.g. `text/css`. The object URL is revoked once the browser has taken it.
 */
export function downloadText(text: string, fileName: string, mediaType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
