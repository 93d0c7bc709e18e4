/**
 * PDFs the person just added that the core is still reading (normalising and checking every
 * page): the preview draws their first page from the file itself meanwhile, so a long document
 * shows at once. Once the core has it, the preview shows what is sent, from the core. Kept out of
 * the store: a File is not state to save or compare.
 */
const files = new Map<string, File>();
/** Resolves the wait of a held file's reading once its first page is drawn (or the file is dropped). */
const shown = new Map<string, { promise: Promise<void>; resolve(): void }>();
const PREFIX = 'local:';

/** Files that can be shown this way: PDFs, by type or name (pdf.js refuses anything else, which then shows nothing). */
export function showsFirstPage(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

export function holdLocalFile(key: string, file: File): void {
  files.set(key, file);
  let resolve = () => {};
  const promise = new Promise<void>((done) => { resolve = done; });
  shown.set(key, { promise, resolve });
}

export function dropLocalFile(key: string): void {
  files.delete(key);
  shown.get(key)?.resolve();
  shown.delete(key);
}

/** The preview drew the first page of the held file at `url`. */
export function firstPageDrawn(url: string): void {
  if (url.startsWith(PREFIX)) shown.get(url.slice(PREFIX.length))?.resolve();
}

/**
 * Until the held file's first page is on screen, or `atMostMs` passed (the preview may be out of
 * view). Compose hands the file to the core after this: on a two-core computer the core checking
 * every page would otherwise take the processor from the page drawing the first one.
 */
export async function untilFirstPageShown(key: string, atMostMs: number): Promise<void> {
  const wait = shown.get(key);
  if (!wait) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([wait.promise, new Promise<void>((resolve) => { timer = setTimeout(resolve, atMostMs); })]);
  clearTimeout(timer);
}

/** The preview's URL for a held file (opened by pdfDocuments.openDocument from memory, not fetched). */
export const localFileUrl = (key: string) => `${PREFIX}${key}`;

export function localFileAt(url: string): File | undefined {
  return url.startsWith(PREFIX) ? files.get(url.slice(PREFIX.length)) : undefined;
}
