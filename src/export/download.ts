/**
 * Saves bytes or text as a file the browser downloads (a same-origin blob: address; no
 * request leaves the app).
 */
export function download(data: Uint8Array | string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
