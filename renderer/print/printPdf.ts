import { getDocument } from 'pdfjs-dist';
import type { PrintOutcome } from '../../common/ipc/bridge';
import type { Result } from '../../common/ipc/result';
import { PDFJS_WASM_URL, warmUp } from '../pdf/pdfDocuments';

/** Print quality: 200 dpi is finer than a fine-resolution fax and keeps memory per page modest. */
const PRINT_DPI = 200;

/**
 * Prints a PDF through the system print dialog: each page is drawn by pdf.js into an image in a
 * print-only container (the app itself is hidden by `@media print`), as pdf.js's own print service
 * does. Sized in CSS inches, so a Letter page prints at its true size on Letter, and CSS fits a page
 * larger than the paper. The job name carries no names or numbers (print queues are shared).
 * `printWindow` is the bridge's `files.print`.
 */
export async function printPdf(bytes: Uint8Array, printWindow: (jobName: string) => Promise<Result<PrintOutcome>>): Promise<Result<PrintOutcome>> {
  const task = getDocument({ data: bytes.slice(), worker: warmUp(), wasmUrl: PDFJS_WASM_URL });
  const root = document.createElement('div');
  root.id = 'print-root';
  root.setAttribute('aria-hidden', 'true');
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const img = document.createElement('img');
      img.src = canvas.toDataURL('image/png');
      img.alt = '';
      img.style.width = `${viewport.width / PRINT_DPI}in`;
      img.style.height = `${viewport.height / PRINT_DPI}in`;
      await img.decode().catch(() => undefined);
      root.append(img);
      canvas.width = 0; // frees the canvas memory at once
      page.cleanup();
    }
    document.body.append(root);
    return await printWindow(`Faxdesk — ${doc.numPages} ${doc.numPages === 1 ? 'page' : 'pages'}`);
  } finally {
    root.remove();
    await task.destroy().catch(() => undefined);
  }
}
