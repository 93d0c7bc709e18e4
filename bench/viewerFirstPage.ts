/**
 * bench/viewerFirstPage.ts — issue 11's viewer figure: time to the first page of a received 100-page
 * fax in Chromium, (a) in Faxdesk's viewer and (b) with pdf.js alone on the same document, in the same
 * run and browser, interleaved (the order alternates) so a noisy machine weighs on both alike.
 *  (a) from the click on 'Open the pages' to page 1's large canvas having data-phase="done";
 *  (b) a bare page that has loaded pdfjs-dist (the build the app ships): getDocument + getPage(1) +
 *      render at the viewer's CSS width, with the viewer's options, from a local server answering byte
 *      ranges as the dev bridge does, on the bytes the bridge serves for that fax.
 * dev:web runs as the e2e tests start it (tsx main/harness/devWeb.ts, a temp data folder, its own
 * ports), the fax comes from its demo Sinch emulator. Each run is a fresh browser context; one
 * untimed warm-up of each first. Figures only, no pass/fail. BENCH_RUNS (default 7), BENCH_PAGES (100).
 * Needs the renderer built: `npm run bench:viewer` does it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { renderersBuilt } from './support/bridgeHost';
import { launchChromium, VIEWPORT } from './support/chromium';
import { median } from './support/childEmulator';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGES = Number(process.env.BENCH_PAGES ?? 100);
const root = resolve(import.meta.dirname, '../..'); // out/bench → the repository
const pdfjsDir = join(root, 'node_modules', 'pdfjs-dist');
const FROM = '+13125558811';
const display = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;
const loads = () => loadavg().map((n) => n.toFixed(2)).join(' ');

interface DevWeb { url: string; sinchUrl: string; stop(): Promise<void> }

/** dev:web without its build step (done by the npm script), as playwright.config.ts starts it. */
function startDevWeb(): Promise<DevWeb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-viewer-'));
  // Port 0 everywhere: free ports of its own, never the e2e run's fixed ones.
  const env = { ...process.env, PORT: '0', FAXDESK_DATA_DIR: dataDir, FAXDESK_DEMO_SINCH_PORT: '0', FAXDESK_DEMO_WELKIN_PORT: '0', FAXDESK_DEMO_SPEED: '4' };
  // Its own process group, so tsx's child node goes with it.
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['main/harness/devWeb.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => { process.kill(-child.pid!, 'SIGTERM'); reject(new Error(`dev:web did not start:\n${output}`)); }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /dev bridge\) at (http:\/\/\S+)/.exec(output)?.[1];
      const sinchUrl = /demo Sinch emulator: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url || !sinchUrl) return;
      clearTimeout(timer);
      resolveStart({
        url, sinchUrl,
        stop: async () => {
          process.kill(-child.pid!, 'SIGTERM');
          await exited;
          rmSync(dataDir, { recursive: true, force: true });
        },
      });
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`dev:web exited with ${code}:\n${output}`)); });
  });
}

/** The bare pdf.js page: the module loaded up front (as the app's bundle is), timed from getDocument. */
const PDFJS_PAGE = `<!doctype html><meta charset="utf-8"><body style="margin:0"><script type="module">
import * as pdfjs from '/pdfjs/build/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
window.firstPage = async (cssWidth) => {
  const t0 = performance.now();
  const task = pdfjs.getDocument({ url: '/fax.pdf', wasmUrl: '/pdfjs/wasm/', disableStream: true, disableAutoFetch: true, stopAtErrors: false });
  const page = await (await task.promise).getPage(1);
  const scale = (cssWidth / page.getViewport({ scale: 1 }).width) * Math.min(devicePixelRatio || 1, 2);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.style.width = cssWidth + 'px';
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  document.body.append(canvas);
  await page.render({ canvas, viewport }).promise;
  return performance.now() - t0;
};
window.pdfjsReady = true;
</script>`;

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Serves the page, pdfjs-dist, and the fax's bytes with single byte ranges (as serveDocument does). */
function startPdfjsServer(pdf: Buffer): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(PDFJS_PAGE);
    } else if (path.startsWith('/pdfjs/')) {
      const file = join(pdfjsDir, normalize(path.slice('/pdfjs/'.length)).replace(/^(\.\.[/\\])+/, ''));
      try {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      } catch {
        res.writeHead(404).end();
      }
    } else if (path === '/fax.pdf') {
      const headers = { 'Content-Type': 'application/pdf', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, pdf.length - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), pdf.length - 1) : pdf.length - 1;
        res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${pdf.length}`, 'Content-Length': end - start + 1 }).end(pdf.subarray(start, end + 1));
      } else {
        res.writeHead(200, { ...headers, 'Content-Length': pdf.length }).end(pdf);
      }
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    done({ server, url: `http://127.0.0.1:${address.port}/` });
  }));
}

/** In the app page before the click: when 'Open the pages' is clicked, and when page 1 is drawn. */
const MARKS_SCRIPT = `(() => {
  const marks = window.__viewerMarks = {};
  document.addEventListener('click', (event) => {
    if (event.target.closest('button')?.textContent?.includes('Open the pages')) marks.clicked ??= performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    if (marks.clicked === undefined || !document.querySelector('canvas[aria-label^="Page 1 of "][data-phase="done"]')) return;
    marks.done = performance.now();
    observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
})()`;
type MarkWindow = { __viewerMarks: { clicked?: number; done?: number } };

/** (a) One fresh context: the app, the fax's detail with its document ready, then the timed click. */
async function faxdeskRun(browser: Browser, url: string): Promise<{ ms: number; cssWidth: number; label: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('listbox', { name: 'Inbox faxes' }).getByRole('option').filter({ hasText: display(FROM) }).click({ timeout: 60_000 });
    const open = page.getByRole('button', { name: 'Open the pages' });
    await open.waitFor({ timeout: 120_000 });
    await page.evaluate(MARKS_SCRIPT);
    await open.click();
    // A function, not a string: the renderer's CSP forbids eval, which a string predicate needs.
    await page.waitForFunction(() => (globalThis as unknown as MarkWindow).__viewerMarks.done !== undefined, undefined, { timeout: 120_000, polling: 'raf' });
    const marks = await page.evaluate(() => (globalThis as unknown as MarkWindow).__viewerMarks);
    const canvas = page.getByRole('img', { name: new RegExp(`^Page 1 of ${PAGES}`) });
    const label = (await canvas.getAttribute('aria-label'))!;
    const cssWidth = await canvas.evaluate((el) => parseFloat((el as unknown as { parentElement: { style: { width: string } } }).parentElement.style.width));
    return { ms: marks.done! - marks.clicked!, cssWidth, label };
  } finally {
    await context.close();
  }
}

/** (b) One fresh context on the bare pdf.js page; resolves with its own timing. */
async function pdfjsRun(browser: Browser, url: string, cssWidth: number): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as { pdfjsReady?: boolean }).pdfjsReady === true, undefined, { timeout: 60_000 });
    return await page.evaluate((width) => (globalThis as unknown as { firstPage(w: number): Promise<number> }).firstPage(width), cssWidth);
  } finally {
    await context.close();
  }
}

/** Nearest rank: with 7 runs, p90 is the slowest. */
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1]!;

console.log(`viewer first-page bench on Node ${process.version}, load average ${loads()}`);
if (!renderersBuilt()) throw new Error('out/renderer is missing: run `npm run build:web` first (npm run bench:viewer does)');
const browser = await launchChromium();
if (!browser) {
  console.log('Chromium not found (CHROMIUM_PATH): the viewer bench needs it; skipped');
} else {
  const devWeb = await startDevWeb();
  let pdfjsServer: Server | undefined;
  try {
    // The fax arrives at the demo Sinch emulator and is polled in, as faxViewer.spec.ts does.
    await new SinchControlClient(devWeb.sinchUrl).inbound({ from: FROM, to: '+12015550100', pages: PAGES });
    const setup = await browser.newPage({ viewport: VIEWPORT });
    await setup.goto(devWeb.url);
    type Api = { faxdesk: { inbox: { syncNow(i: object): Promise<unknown>; list(i: object): Promise<{ ok: boolean; value?: { rows: Array<{ id: string; from?: string }> } }> }; files: { url(id: string): string } } };
    await setup.evaluate(() => (globalThis as unknown as Api).faxdesk.inbox.syncNow({}));
    await setup.getByRole('listbox', { name: 'Inbox faxes' }).getByRole('option').filter({ hasText: display(FROM) }).click({ timeout: 60_000 });
    await setup.getByRole('button', { name: 'Open the pages' }).waitFor({ timeout: 180_000 }); // the document is downloaded
    const docPath = await setup.evaluate(async (from) => {
      const api = (globalThis as unknown as Api).faxdesk;
      const fax = (await api.inbox.list({})).value?.rows.find((row) => row.from === from);
      if (!fax) throw new Error('the fax is not in inbox.list');
      return api.files.url(fax.id);
    }, FROM);
    await setup.close();
    const response = await fetch(new URL(docPath, devWeb.url));
    if (!response.ok) throw new Error(`the fax's document answered ${response.status}`);
    const pdf = Buffer.from(await response.arrayBuffer());
    const served = await startPdfjsServer(pdf);
    pdfjsServer = served.server;

    const warm = await faxdeskRun(browser, devWeb.url); // also tells the viewer's CSS width
    await pdfjsRun(browser, served.url, warm.cssWidth);
    console.log(`a received ${PAGES}-page fax (${(pdf.length / 1024).toFixed(0)} KB, “${warm.label}”), page 1 at ${warm.cssWidth} CSS px, Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}`);
    const app: number[] = [];
    const alone: number[] = [];
    for (let n = 0; n < RUNS; n++) {
      const runApp = async () => { app.push((await faxdeskRun(browser, devWeb.url)).ms); };
      const runAlone = async () => { alone.push(await pdfjsRun(browser, served.url, warm.cssWidth)); };
      if (n % 2 === 0) { await runApp(); await runAlone(); } else { await runAlone(); await runApp(); }
      console.log(`  run ${n + 1} (${n % 2 === 0 ? 'Faxdesk first' : 'pdf.js first'}): Faxdesk ${app[n]!.toFixed(0)} ms, pdf.js alone ${alone[n]!.toFixed(0)} ms`);
    }
    const a = median(app);
    const b = median(alone);
    console.log(`time to first page, medians of ${RUNS} fresh contexts each, interleaved:`);
    console.log(`  (a) Faxdesk viewer ('Open the pages' click → page 1 drawn): median ${a.toFixed(0)} ms, p90 ${p90(app).toFixed(0)} ms`);
    console.log(`  (b) pdf.js alone (getDocument → page 1 rendered): median ${b.toFixed(0)} ms, p90 ${p90(alone).toFixed(0)} ms`);
    console.log(`  ratio (a)/(b): ${(a / b).toFixed(2)} (goal ≤ 1.1)`);
    console.log(`  load average at the end: ${loads()}`);
  } finally {
    await browser.close();
    pdfjsServer?.close();
    await devWeb.stop();
  }
}
