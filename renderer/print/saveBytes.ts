/**
 * Hands a file the core made (a transmission report) to the person as a download: in `dev:web`
 * the browser's download, in Electron its Save dialog (a download with no path set asks where).
 */
export function saveBytes(name: string, bytes: Uint8Array, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
