import { existsSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

/** Debian's Chromium with the flags of playwright.config.ts (no browser download). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  const { chromium } = await import('@playwright/test'); // only the driving process loads Playwright
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/**
 * Installed in a page before a file is chosen: records (as epoch ms) the first `change` event —
 * the moment the file is handed to the page — and the first frame in which any canvas holds ink
 * (a dark, opaque pixel). The canvas is copied into a scratch canvas to be read, so it works for
 * whatever draws it (a 2D context or an OffscreenCanvas rendered in a worker).
 */
const FIRST_INK_SCRIPT = `(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const marks = window.__firstInk = { chosen: undefined, ink: undefined };
  document.addEventListener('change', () => { marks.chosen ??= clock(); }, true);
  const scratch = document.createElement('canvas');
  const context = scratch.getContext('2d', { willReadFrequently: true });
  const inked = (canvas) => {
    if (!canvas.width || !canvas.height) return false;
    scratch.width = Math.min(canvas.width, 480);
    scratch.height = Math.max(1, Math.round(canvas.height * scratch.width / canvas.width));
    context.clearRect(0, 0, scratch.width, scratch.height);
    context.drawImage(canvas, 0, 0, scratch.width, scratch.height);
    const data = context.getImageData(0, 0, scratch.width, scratch.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && (data[i] < 160 || data[i + 1] < 160 || data[i + 2] < 160)) return true;
    return false;
  };
  const tick = () => {
    if (marks.chosen !== undefined) {
      for (const canvas of document.querySelectorAll('canvas')) {
        if (inked(canvas)) { marks.ink = clock(); return; }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export interface FirstInk { chosen: number; ink: number }
interface InkWindow { __firstInk: Partial<FirstInk> }

/** Chooses `path` in the page's file input named `inputLabel`; resolves when a canvas first has ink. */
export async function timeToFirstInk(page: Page, inputLabel: string, path: string, timeoutMs = 120_000): Promise<FirstInk> {
  await page.evaluate(FIRST_INK_SCRIPT);
  await page.getByLabel(inputLabel).setInputFiles(path);
  // A function, not a string: the renderer's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(() => (globalThis as unknown as InkWindow).__firstInk.ink !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  return (await page.evaluate(() => (globalThis as unknown as InkWindow).__firstInk)) as FirstInk;
}
