import type { DownloadedFile } from '../api/api-client.ts';

/** Hands a fetched file to the browser as a download, under the name the server suggested. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; it is released a little later all the same.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
