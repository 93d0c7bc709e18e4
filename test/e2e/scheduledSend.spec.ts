import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import { ownPorts, startDevWeb, stopDevWeb } from './support/devWebProcess';
import { makePdf } from './support/fixtures';

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local field takes. */
const localInputValue = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** This spec restarts dev:web itself, on ports of its own beside the suite's server. */
const ports = ownPorts(7);
const url = ports.url;
// The restarted run must open the documents the first one sealed.
const startServer = (dataDir: string) => startDevWeb(ports, dataDir, { FAXDESK_DEV_INSECURE_KEY: '1' });

test('a fax set to send a minute or two ahead waits, survives a restart of dev:web, and is sent on time, not before', async ({ page }) => {
  test.setTimeout(240_000); // it waits for its minute, on purpose
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-scheduled-'));
  const sinch = new SinchControlClient(`http://127.0.0.1:${ports.sinch}`);
  let server: ChildProcess | undefined = await startServer(dataDir);
  try {
    await page.goto(url);
    await page.keyboard.press('Control+n');
    await page.getByLabel('Fax number').fill('+1 989 898 9855');
    await page.getByLabel('Choose files').setInputFiles({ name: 'scheduled.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Sent later') });
    await expect(page.getByRole('listitem').filter({ hasText: 'scheduled.pdf' })).toContainText('1 page', { timeout: 30_000 });
    await page.getByRole('checkbox', { name: 'Send later' }).check();
    // The next whole minute after the coming one: 60–120 s ahead (the field holds minutes).
    const at = new Date(Date.now() + 120_000);
    at.setSeconds(0, 0);
    await page.getByLabel('Send at', { exact: true }).fill(localInputValue(at));
    await page.getByRole('button', { name: /^Send 1 page to 1 recipient, / }).click();
    const row = page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ hasText: '+1 989 898 9855' });
    await expect(row).toContainText(/At \d/);
    await expect(page.getByText(/^It waits here until /)).toBeVisible();

    await stopDevWeb(server);
    server = undefined;
    server = await startServer(dataDir);
    expect(Date.now()).toBeLessThan(at.getTime() - 2_000); // restarted well before its time
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' }).click();
    await expect(page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ hasText: '+1 989 898 9855' })).toContainText(/At \d/);

    // Not before its time…
    const toUs = async () => (await sinch.faxes()).filter((fax) => fax.to === '+19898989855');
    while (Date.now() < at.getTime() - 1_500) {
      expect(await toUs()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    // …and on time: it reaches the emulator within seconds of it, and completes.
    await expect.poll(async () => (await toUs()).length, { timeout: 20_000 }).toBe(1);
    expect(Date.parse(String((await toUs())[0]!.createTime))).toBeGreaterThanOrEqual(at.getTime() - 1_000);
    await expect(page.getByText('Fax to +1 989 898 9855 completed and moved to Sent.')).toBeVisible({ timeout: 40_000 });
  } finally {
    await stopDevWeb(server);
  }
});
