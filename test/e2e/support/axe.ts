import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** What the checks hold the page to: WCAG 2.1 A and AA (contrast, names, roles, structure). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Violations at these impacts fail the test; moderate and minor ones are printed only. */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core over the page as it is now and fails on any serious or critical violation,
 * naming the rule, the impact and the elements (their selectors and axe's own summary), so
 * the message says what to fix. `label` names the screen and state in the failure. The test
 * fails at its end, after the rest of its screens were checked too.
 */
export async function axeCheck(page: Page, label: string): Promise<void> {
  const scheme = await page.evaluate(() => (globalThis as unknown as { matchMedia(q: string): { matches: boolean } }).matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const described = (v: (typeof violations)[number]) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`;
  const minor = violations.filter((v) => !FAILING.has(v.impact ?? ''));
  if (minor.length > 0) console.info(`axe, ${label} (${scheme}): ${minor.length} moderate or minor:\n${minor.map(described).join('\n')}`);
  const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
  // Soft: a tour of many screens goes on and reports every screen's violations at once.
  expect.soft(failing.map(described), `axe, ${label} (${scheme}): serious or critical violations`).toEqual([]);
}

/**
 * A Playwright `test` that checks the page with axe when each test ends (if it passed: a failed
 * test already says what went wrong). A spec opts in by importing `test` from here instead of
 * '@playwright/test'.
 */
export const test = base.extend<{ axeAtEnd: void }>({
  axeAtEnd: [async ({ page }, use, testInfo) => {
    await use();
    if (testInfo.status === testInfo.expectedStatus && page.url().startsWith('http')) await axeCheck(page, `end of “${testInfo.title}”`);
  }, { auto: true }],
});
export { expect };
