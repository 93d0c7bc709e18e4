// Figures for the compose preview (not a test): time to the first preview page of a 200-page PDF,
// and the fax view's render and binarisation time per page (the worker's own measure), fine and
// standard, as medians. Start `npm run dev:web` first, then: node test/screens/previewTimings.mjs
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const pdfjsBuild = (file) => createRequire(import.meta.url).resolve(`pdfjs-dist/build/${file}`);

const base = process.env.FAXDESK_URL ?? 'http://127.0.0.1:5180';
const RUNS = Number(process.env.RUNS ?? 5);
const FAX_PAGES = Number(process.env.FAX_PAGES ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function longPdf(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 40; line++) page.drawText(`Page ${n}, line ${line + 1}: the quick brown fox jumps over the lazy dog.`, { x: 54, y: 740 - line * 17, size: 11, font });
  }
  return Buffer.from(await doc.save());
}

/**
 * pdf.js alone, for comparison in the same run: a bare page of the same origin (served by a
 * Playwright route) that opens the same document URL with the same options and draws page 1 at
 * the thumbnail's size. Answers the milliseconds from its script's start.
 */
async function pdfjsAlone(context, documentUrl) {
  const page = await context.newPage();
  const origin = new URL(base).origin;
  await page.route(`${origin}/__baseline/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><canvas id="c"></canvas><script type="module" src="run.mjs"></script>' });
    if (name === 'run.mjs') {
      return route.fulfill({ contentType: 'text/javascript', body: `
        const t0 = performance.now();
        const pdfjs = await import('./pdf.min.mjs');
        pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.min.mjs';
        const doc = await pdfjs.getDocument({ url: ${JSON.stringify(documentUrl)}, wasmUrl: '/pdfjs/wasm/', disableStream: true, disableAutoFetch: true }).promise;
        const p = await doc.getPage(1);
        const viewport = p.getViewport({ scale: 160 / p.getViewport({ scale: 1 }).width });
        const canvas = document.getElementById('c');
        canvas.width = viewport.width; canvas.height = viewport.height;
        await p.render({ canvas, viewport }).promise;
        window.done = performance.now() - t0;` });
    }
    return route.fulfill({ contentType: 'text/javascript', body: await readFile(pdfjsBuild(name)) });
  });
  await page.goto(`${origin}/__baseline/index.html`);
  const ms = await page.waitForFunction(() => globalThis.done).then((h) => h.jsonValue());
  await page.close();
  return ms;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const pdf = await longPdf(200);
  const first = { added: [], shown: [], alone: [] };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let documentUrl = null;
    page.on('request', (request) => { if (!documentUrl && request.url().includes('/__bridge/documents/')) documentUrl = request.url(); });
    await page.goto(base);
    await page.getByRole('button', { name: /New fax/ }).first().click();
    const started = Date.now();
    await page.getByLabel('Choose files').setInputFiles({ name: `long-${run}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('heading', { name: 'Preview — 200 pages' }).waitFor();
    const added = Date.now();
    await page.locator('.thumb-done canvas').first().waitFor();
    const shown = Date.now();
    first.added.push(added - started);
    first.shown.push(shown - added);
    first.alone.push(Math.round(await pdfjsAlone(context, documentUrl)));
    if (run < RUNS - 1) await context.close();
    else {
      // The fax view, page after page, in the large view.
      await page.getByRole('switch', { name: 'As it will print at the other end' }).check();
      await page.getByRole('button', { name: /^Page 1 of 200 / }).click();
      for (const resolution of ['fine', 'standard']) {
        await page.getByLabel('Resolution').selectOption(resolution);
        const render = [];
        const binarize = [];
        for (let n = 1; n <= FAX_PAGES; n++) {
          const canvas = page.getByRole('img', { name: new RegExp(`^Page ${n} of 200 .*as it will print$`) });
          await page.waitForFunction((el) => el?.dataset.binarizeMs !== undefined, await canvas.elementHandle());
          render.push(Number(await canvas.getAttribute('data-render-ms')));
          binarize.push(Number(await canvas.getAttribute('data-binarize-ms')));
          await page.getByRole('group', { name: /Escape goes back/ }).press('PageDown');
        }
        await page.getByRole('group', { name: /Escape goes back/ }).press('Home');
        console.log(`fax view, ${resolution}: pdf.js render median ${median(render).toFixed(0)} ms, binarisation in the worker median ${median(binarize).toFixed(1)} ms per page (${FAX_PAGES} pages)`);
      }
    }
  }
  console.log(`200-page PDF: added (upload + core) median ${median(first.added)} ms; first preview page drawn ${median(first.shown)} ms after that (${RUNS} runs; all: ${first.shown.join(', ')})`);
  console.log(`pdf.js alone, same document, same run: first page ${median(first.alone)} ms (all: ${first.alone.join(', ')}); ratio ${(median(first.shown) / median(first.alone)).toFixed(2)}×`);
} finally {
  await browser.close();
}
