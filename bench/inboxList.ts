/**
 * bench/inboxList.ts — issue 10's list figure: the inbox at 100,000 received faxes in Chromium.
 *  - from data to first painted rows: the first `inbox.list` answer's arrival (resource timing) to
 *    the frame after the first row is in the page; also page start to that frame;
 *  - rows in the page (the virtualised list keeps only the visible ones and a few either side; goal ≤ 200);
 *  - a jump to the middle (row 50,000) and End (the last fax selected): until those rows are painted;
 *  - a fast scroll (3,400 px a frame for 2 s): frame gaps and the most rows in the page meanwhile.
 * The faxes are written straight through the core's repository (no sync: the sync has its own bench),
 * the core serves the built renderer through the dev bridge in this process, with its job runner
 * stopped so nothing polls. Each run is a fresh browser context at 1280×800; medians are printed.
 * Needs the renderer built: `npm run bench:inboxList` does it. BENCH_INBOX_ROWS, BENCH_RUNS change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { composeCore } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { transaction } from '../main/core/store/database';
import { startBridgeServer } from '../main/harness/bridgeServer';
import { expectOk } from './support/benchCore';
import { renderersBuilt } from './support/bridgeHost';
import { launchChromium, VIEWPORT } from './support/chromium';
import { median } from './support/childEmulator';

const ROWS = Number(process.env.BENCH_INBOX_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = resolve(import.meta.dirname, '../..');

/** Installed before the page's own scripts: when the first row appears, and the frame after it. */
const MARKS_SCRIPT = `(() => {
  const marks = window.__inboxMarks = {};
  const observer = new MutationObserver(() => {
    if (marks.firstRow !== undefined || !document.querySelector('[role="option"]')) return;
    marks.firstRow = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { marks.painted = performance.now(); }));
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
})()`;

interface Marks { firstRow?: number; painted?: number }
type MarkWindow = { __inboxMarks: Marks };
/** The page's globals the measuring functions use (this file compiles without the DOM library). */
type Frames = { requestAnimationFrame(callback: (time: number) => void): number };

interface Run {
  pageToRows: number;
  dataToRows: number;
  listCall: number;
  domRows: number;
  middle: number;
  end: number;
  scrollP95: number;
  scrollMax: number;
  scrollRows: number;
}

async function seed(): Promise<{ dataDir: string; close(): Promise<void>; url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-inboxlist-'));
  const { core, services } = composeCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}),
    inbox: { intervalMs: 3_600_000, sentEveryMs: 3_600_000 },
  });
  await services.runner.stop(); // nothing polls: the figures are the list's
  const accounts: string[] = [];
  for (const name of ['Front desk (Sinch)', 'Records (Sinch)']) {
    const account = expectOk(await core.dispatch('accounts.add', {
      name, secret: 'bench-secret',
      settings: { provider: 'sinch', sinch: { projectId: 'bench-project', keyId: 'bench-key', baseUrl: 'http://127.0.0.1:9', authUrl: 'http://127.0.0.1:9' } },
    }), 'accounts.add') as { id: string };
    accounts.push(account.id);
  }
  const started = performance.now();
  const now = new Date().toISOString();
  const subjects = ['Referral', 'Lab results', 'Prior authorization', 'Discharge summary', 'Records request', undefined, undefined];
  for (let start = 0; start < ROWS; start += 5_000) {
    transaction(services.db, () => {
      for (let n = start; n < Math.min(ROWS, start + 5_000); n++) {
        services.inbox.repo.upsert({
          accountId: accounts[n % accounts.length]!, providerId: `P${n}`, direction: 'inbound',
          from: `+1${String(2_000_000_000 + ((n * 7_919) % 7_999_999_999)).padStart(10, '0')}`, to: '+12015550100', pages: 1 + (n % 9),
          status: 'received', createdAt: new Date(Date.now() - (ROWS - n) * 60_000).toISOString(), subject: subjects[n % subjects.length],
          fileNames: [], raw: { id: `P${n}` }, document: 'none',
        }, now);
      }
    });
  }
  // Most of a long history has been read and reviewed.
  services.db.exec('UPDATE faxes SET read = 1 WHERE rowid % 10 <> 0; UPDATE faxes SET reviewed = 1 WHERE rowid % 4 <> 0');
  console.log(`${ROWS.toLocaleString('en-US')} faxes written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // What the page's first question costs in the core alone (the second round: statements prepared, pages cached).
  const coreTimes: Record<string, number[]> = { 'inbox.list': [], 'inbox.counts': [] };
  for (let round = 0; round < 6; round++) {
    for (const [channel, input] of [['inbox.list', { limit: 100 }], ['inbox.counts', {}]] as const) {
      const begin = performance.now();
      expectOk(await core.dispatch(channel, input), channel);
      if (round >= 3) coreTimes[channel]!.push(performance.now() - begin);
    }
  }
  console.log(`in the core alone: inbox.list (first 100 rows and the view's total) ${median(coreTimes['inbox.list']!).toFixed(1)} ms, inbox.counts ${median(coreTimes['inbox.counts']!).toFixed(1)} ms`);
  const bridge = await startBridgeServer({
    core, uploadDir: join(dataDir, 'incoming'), rendererDir: join(root, 'out', 'renderer'), bridgeScript: join(root, 'out', 'harness', 'webBridge.js'), port: 0,
  });
  return {
    dataDir, url: bridge.url,
    close: async () => {
      await bridge.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const domRows = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.inbox-row').length);

/** Scrolls the list to `top` and resolves when the row at `index` (0-based) is in the page, painted. */
async function timeToRow(page: Page, action: () => Promise<void>, index: number): Promise<number> {
  const begin = await page.evaluate(() => performance.now());
  await action();
  await page.locator(`[role="option"][aria-posinset="${index + 1}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  return page.evaluate((t0) => new Promise<number>((done) => {
    const web = globalThis as unknown as Frames;
    web.requestAnimationFrame(() => web.requestAnimationFrame(() => done(performance.now() - t0)));
  }), begin);
}

async function oneRun(url: string, browser: NonNullable<Awaited<ReturnType<typeof launchChromium>>>): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(MARKS_SCRIPT);
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as MarkWindow).__inboxMarks.painted !== undefined, undefined, { timeout: 60_000, polling: 20 });
  const marks = await page.evaluate(() => (globalThis as unknown as MarkWindow).__inboxMarks);
  const call = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/__bridge/invoke/inbox.list')) as unknown as { startTime: number; responseEnd: number } | undefined;
    return entry ? { start: entry.startTime, end: entry.responseEnd } : undefined;
  });
  if (!call) throw new Error('no inbox.list call was seen');
  const header = await page.getByRole('region', { name: 'Inbox', exact: true }).getByText(/faxes$/).textContent();
  if (header?.replace(/\D/g, '') !== String(ROWS)) throw new Error(`the header says “${header}”, not ${ROWS} faxes`);
  const rows = await domRows(page);

  const list = page.getByRole('listbox', { name: 'Inbox faxes' });
  const middleIndex = Math.floor(ROWS / 2);
  const middle = await timeToRow(page, () => list.evaluate((el, top) => { (el as unknown as { scrollTop: number }).scrollTop = top; }, middleIndex * 34), middleIndex);
  await list.focus();
  const end = await timeToRow(page, () => page.keyboard.press('End'), ROWS - 1);
  await page.locator(`[role="option"][aria-posinset="${ROWS}"][aria-selected="true"]`).waitFor({ timeout: 30_000 });

  // A fast scroll from the top: frame gaps, and the most rows the page held meanwhile.
  await list.evaluate((el) => { (el as unknown as { scrollTop: number }).scrollTop = 0; });
  const scroll = await list.evaluate((el) => new Promise<{ gaps: number[]; most: number }>((done) => {
    const box = el as unknown as { scrollTop: number; querySelectorAll(s: string): { length: number } };
    const web = globalThis as unknown as Frames;
    const gaps: number[] = [];
    let most = 0;
    let last = performance.now();
    const until = last + 2_000;
    const frame = (t: number) => {
      gaps.push(t - last);
      last = t;
      box.scrollTop += 3_400;
      most = Math.max(most, box.querySelectorAll('.inbox-row').length);
      if (t < until) web.requestAnimationFrame(frame);
      else done({ gaps, most });
    };
    web.requestAnimationFrame(frame);
  }));
  const sorted = [...scroll.gaps].sort((a, b) => a - b);
  await context.close();
  return {
    pageToRows: marks.painted!, dataToRows: marks.painted! - call.end, listCall: call.end - call.start, domRows: rows,
    middle, end, scrollP95: sorted[Math.floor(sorted.length * 0.95)]!, scrollMax: sorted[sorted.length - 1]!, scrollRows: scroll.most,
  };
}

console.log(`inbox list bench on Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
if (!renderersBuilt()) throw new Error('out/renderer is missing: run `npm run build:web` first (npm run bench:inboxList does)');
const browser = await launchChromium();
if (!browser) {
  console.log('Chromium not found (CHROMIUM_PATH): the list bench needs it; skipped');
} else {
  const seeded = await seed();
  try {
    const runs: Run[] = [];
    for (let n = 0; n < RUNS; n++) {
      const run = await oneRun(seeded.url, browser);
      runs.push(run);
      console.log(`  run ${n + 1}: data→rows ${run.dataToRows.toFixed(0)} ms, page→rows ${run.pageToRows.toFixed(0)} ms, inbox.list ${run.listCall.toFixed(0)} ms, ${run.domRows} rows in the page; middle ${run.middle.toFixed(0)} ms, End ${run.end.toFixed(0)} ms; fast scroll frame p95 ${run.scrollP95.toFixed(1)} ms, max ${run.scrollMax.toFixed(1)} ms, ≤ ${run.scrollRows} rows`);
    }
    const med = (pick: (run: Run) => number) => median(runs.map(pick));
    console.log(`inbox list at ${ROWS.toLocaleString('en-US')} faxes, Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, medians of ${RUNS} fresh contexts:`);
    console.log(`  data to first painted rows: ${med((r) => r.dataToRows).toFixed(0)} ms (first inbox.list answer → the frame after the first row); page start → rows ${med((r) => r.pageToRows).toFixed(0)} ms; inbox.list call ${med((r) => r.listCall).toFixed(0)} ms`);
    console.log(`  rows in the page: ${med((r) => r.domRows)} at rest, at most ${Math.max(...runs.map((r) => r.scrollRows))} while scrolling (goal ≤ 200)`);
    console.log(`  jump to row ${Math.floor(ROWS / 2).toLocaleString('en-US')}: ${med((r) => r.middle).toFixed(0)} ms; End (last fax selected): ${med((r) => r.end).toFixed(0)} ms`);
    console.log(`  fast scroll (3,400 px a frame, 2 s): frame gap p95 ${med((r) => r.scrollP95).toFixed(1)} ms, max ${med((r) => r.scrollMax).toFixed(1)} ms`);
  } finally {
    await browser.close();
    await seeded.close();
  }
}
