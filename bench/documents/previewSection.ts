import { createReadStream, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { renderersBuilt, startBridgeHost } from '../support/bridgeHost';
import { median } from '../support/childEmulator';
import { VIEWPORT, launchChromium, timeToFirstInk, type FirstInk } from '../support/chromium';

/**
 * (c) Time to the first preview page of a 200-page PDF in Chromium: the real renderer through the
 * dev bridge (compose → Choose files → the first canvas with ink: upload, add in the core, and
 * whatever the preview does to draw; also when the file is ready to send) vs pdf.js alone on a bare page (the same file chosen in an
 * input, `getDocument({ data })`, page 1 drawn at the thumbnail's width), in the same browser and
 * run, alternating, each run in a fresh browser context. The measure is taken from the page's
 * side only (file chosen → ink), so it holds however the preview loads its document.
 */

const RUNS = 7;
const PAGES = 200;
/** renderer/pdf/PagePreview.tsx THUMB_WIDTH: the first canvas the renderer draws is a thumbnail. */
const THUMB_CSS_WIDTH = 160;
const UPLOAD_PATH = '/__bridge/upload';

const pdfjsBuild = resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/build');

const BARE_PAGE = `<!doctype html><meta charset="utf-8"><title>pdf.js alone</title>
<input type="file" aria-label="Choose a PDF" accept="application/pdf">
<div id="page"></div>
<script type="module">
  import { GlobalWorkerOptions, getDocument } from '/pdfjs/pdf.min.mjs';
  GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
  document.querySelector('input').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    const doc = await getDocument({ data: new Uint8Array(await file.arrayBuffer()) }).promise;
    const page = await doc.getPage(1);
    const scale = (${THUMB_CSS_WIDTH} / page.getViewport({ scale: 1 }).width) * Math.min(devicePixelRatio || 1, 2);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = '${THUMB_CSS_WIDTH}px';
    document.getElementById('page').append(canvas);
    await page.render({ canvas, viewport }).promise;
  });
</script>`;

/** Serves the bare page and pdfjs-dist's build folder (the same pdf.js the renderer bundles). */
async function startBarePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(BARE_PAGE);
      return;
    }
    const name = /^\/pdfjs\/(pdf(?:\.worker)?\.min\.mjs)$/.exec(path)?.[1];
    if (!name) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    createReadStream(join(pdfjsBuild, name)).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

interface Timing { ms: number; addedMs?: number; readyMs?: number }

async function inFreshContext(browser: Browser, run: (page: Page) => Promise<Timing>): Promise<Timing> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The renderer: New fax, choose the file; also when the core answered the upload (its add), as epoch ms. */
async function rendererRun(page: Page, url: string, pdfPath: string): Promise<Timing> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  let addedAt: number | undefined;
  page.on('requestfinished', (request) => {
    if (!new URL(request.url()).pathname.startsWith(UPLOAD_PATH)) return;
    const timing = request.timing();
    addedAt = timing.startTime + timing.responseEnd;
  });
  const marks: FirstInk = await timeToFirstInk(page, 'Choose files', pdfPath);
  // Then until its tile gives the page count: the core has checked every page (what Send waits for).
  const readyAt = await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } };
    const tiles = Array.from(document.querySelectorAll('[aria-label="Documents to send"] li'));
    return tiles.some((tile) => /\d+ pages?/.test(tile.textContent ?? '')) ? performance.timeOrigin + performance.now() : false;
  }, undefined, { polling: 'raf', timeout: 120_000 });
  return { ms: marks.ink - marks.chosen, addedMs: addedAt === undefined ? undefined : addedAt - marks.chosen, readyMs: (await readyAt.jsonValue()) as number - marks.chosen };
}

async function bareRun(page: Page, url: string, pdfPath: string): Promise<Timing> {
  await page.goto(url);
  const marks = await timeToFirstInk(page, 'Choose a PDF', pdfPath);
  return { ms: marks.ink - marks.chosen };
}

export async function previewSection(entryUrl: string, workDir: string): Promise<void> {
  console.log(`\n(c) time to the first preview page of a ${PAGES}-page PDF in Chromium: the renderer (dev bridge) vs pdf.js alone (goal ≤ 1.1×)`);
  if (!renderersBuilt()) {
    console.log('  out/renderer or out/harness/webBridge.js is missing: run `npm run build:web` first. Section skipped.');
    return;
  }
  const browser = await launchChromium();
  if (!browser) {
    console.log('  Chromium is not installed here (set CHROMIUM_PATH): section skipped.');
    return;
  }
  const { pdfBytes } = await import('../../test/support/testKit');
  const pdfPath = join(workDir, `preview-${PAGES}.pdf`);
  writeFileSync(pdfPath, await pdfBytes({ pages: PAGES, text: 'Faxdesk preview bench — a page of the referral' }));
  const host = await startBridgeHost(entryUrl);
  const bare = await startBarePage();
  try {
    const runs: Record<'renderer' | 'bare', Timing[]> = { renderer: [], bare: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.renderer.push(await inFreshContext(browser, (page) => rendererRun(page, host.url, pdfPath)));
      runs.bare.push(await inFreshContext(browser, (page) => bareRun(page, bare.url, pdfPath)));
    }
    const ms = (timings: Timing[]) => median(timings.map((t) => t.ms));
    const each = (timings: Timing[]) => timings.map((t) => t.ms.toFixed(0)).join(', ');
    const added = runs.renderer.map((t) => t.addedMs).filter((v): v is number => v !== undefined);
    console.log(`  Chromium ${browser.version()}, a fresh context per run, alternating, median of ${RUNS}; file chosen → first canvas with ink`);
    console.log(`  renderer ${ms(runs.renderer).toFixed(0)} ms [runs: ${each(runs.renderer)}]`);
    if (added.length === runs.renderer.length) console.log(`    the core answered the upload (add, normalise) at ${median(added).toFixed(0)} ms [runs: ${added.map((v) => v.toFixed(0)).join(', ')}]`);
    const ready = runs.renderer.map((t) => t.readyMs!);
    console.log(`    the tile gave the page count (every page checked; Send can go) at ${median(ready).toFixed(0)} ms [runs: ${ready.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`  pdf.js alone ${ms(runs.bare).toFixed(0)} ms [runs: ${each(runs.bare)}]`);
    console.log(`  renderer/pdf.js ${(ms(runs.renderer) / ms(runs.bare)).toFixed(2)}×`);
  } finally {
    await browser.close();
    await host.close();
    bare.server.close();
  }
}
