import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import type { InboxFaxArrived } from '../../common/domain/inbox';
import { readAttentionCounts } from '../../main/core/desktop/attentionCounts';
import { connectInboxNotifications } from '../../main/core/inbox/inboxNotifications';
import { createLogger } from '../../main/core/log';
import { connectNotifications, type Notice } from '../../main/core/outbox/notifications';
import { createTrayAdapter, type TrayMenuItem } from '../../main/shell/tray';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { call, syncedFaxes } from '../support/inboxActionsKit';
import { startInboxCore, type InboxHarness } from '../support/inboxKit';
import { makePdfBytes, waitFor } from '../support/coreKit';
import { waitForFax } from '../support/outboxKit';

/**
 * PHI out of every side channel (issue 13, item 5): a real core sends (with a cover page, a
 * subject, a file named after a patient) and receives (from a number in the address book) through
 * the emulators over HTTP, with a failure on the way; every log line, every OS notification the
 * shell would show and every tray text is captured, and none holds a fixture name, subject or
 * full number.
 */
const sinch = useSinchEmulator({ speed: 20 });
const welkin = useWelkinEmulator({ speed: 20 });
let harness: InboxHarness | undefined;
afterEach(async () => { await harness?.h.close(); harness = undefined; });

const NAMES = ['Margaret Hamilton', 'Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Hopper Clinic', 'Biopsy results'];
const NUMBERS = ['+14155550123', '+12125550188', '+19898989801', '+12015550100', '+13105550142'];

/** A fax number however it is written: "+1 (415) 555-0123", "4155550123", "415.555.0123"… (the national part at least). */
const numberPattern = (e164: string) => new RegExp(e164.slice(2).split('').join('[\\s().+-]*'));
const namePattern = (name: string) => new RegExp(name.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
const LEAKS = [...NAMES.map(namePattern), ...NUMBERS.map(numberPattern)];
const leaksIn = (texts: readonly string[]) => texts.flatMap((text) => LEAKS.filter((pattern) => pattern.test(text)).map((pattern) => `${pattern} in: ${text}`));

describe('PHI out of the side channels', () => {
  it('the logger keeps numbers to their last four digits and drops names, subjects, notes and paths, in fields, messages and errors', () => {
    const lines: string[] = [];
    const log = createLogger((_level, line) => lines.push(line));
    log.warn('send to +1 (415) 555-0123 failed', {
      to: '+14155550123', recipients: ['+12125550188'], name: 'Margaret Hamilton', subject: 'Biopsy results', contactName: 'Ada Lovelace',
      detail: 'the line to 415-555-0123 was busy', jobId: '5f0c1a8e-1234-4a5b-9c8d-123456789012', providerId: '12345678901', pages: 12345678,
      error: new Error("ENOENT: no such file or directory, open '/home/desk/Faxdesk/Print to fax/Alan Turing referral.pdf'"),
      at: '2026-03-01', nested: { from: '+13105550142', patient: { name: 'Grace Hopper' } },
    });
    expect(lines).toHaveLength(1);
    expect(leaksIn(lines)).toEqual([]);
    const line = lines[0]!;
    expect(line).toContain('send to …0123 failed');
    expect(line).toContain('"to":"…0123"');
    expect(line).toContain('"recipients":["…0188"]');
    expect(line).toContain('"from":"…0142"');
    expect(line).toContain('"name":"[redacted]"');
    expect(line).toContain("open '[path]'");
    // Ids, counts and dates stay: the log is still useful.
    expect(line).toContain('5f0c1a8e-1234-4a5b-9c8d-123456789012');
    expect(line).toContain('"providerId":"12345678901"');
    expect(line).toContain('"pages":12345678');
    expect(line).toContain('"at":"2026-03-01"');
  });

  it('a send (cover page, subject, patient-named file) and a receive (a contact) leave no name, subject or full number in logs, notifications or the tray', async () => {
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url });
    const { h, sinch: sinchAccount, welkin: welkinAccount } = harness;
    const notices: Notice[] = [];
    const notifier = { isSupported: () => true, show: (notice: Notice) => notices.push(notice) };
    // The shell's own wiring (main/shell/index.ts) from core events to notifications.
    connectNotifications((listener) => h.core.events.subscribe((event, payload) => { if (event === 'outbox.jobChanged') listener(payload as OutboxJob); }), notifier);
    connectInboxNotifications((listener) => h.core.events.subscribe((event, payload) => { if (event === 'inbox.faxArrived') listener(payload as InboxFaxArrived); }), notifier, 10);
    const trayTexts: string[] = [];
    const tray = createTrayAdapter({ setToolTip: (text) => trayTexts.push(text), setContextMenu: () => {}, on: () => undefined },
      (menu: TrayMenuItem[]) => trayTexts.push(...menu.map((item) => item.label ?? '')), { newFax() {}, open() {}, quit() {} });

    await call(h, 'contacts.add', { name: 'Margaret Hamilton', organisation: 'Hopper Clinic', faxNumber: '+14155550123' });
    await call(h, 'contacts.add', { name: 'Grace Hopper', faxNumber: '+12125550188' });
    const document = await call<{ id: string }>(h, 'documents.add', { name: 'Referral Alan Turing.pdf', bytes: await makePdfBytes(2, 'Ada Lovelace') });
    const cover = {
      templateId: 'builtin:healthcare',
      fields: { subject: 'Biopsy results Ada Lovelace', message: 'For Ada Lovelace, seen by Dr Grace Hopper.', recipient: { name: 'Grace Hopper', organisation: 'Hopper Clinic' } },
    };
    const sent = await call<OutboxJob[]>(h, 'fax.send', {
      accountId: sinchAccount, to: ['+12125550188', '+19898989801'], documentIds: [document.id], options: { subject: 'Biopsy results Ada Lovelace', cover },
    });
    const viaWelkin = await call<OutboxJob[]>(h, 'fax.send', {
      accountId: welkinAccount, to: ['+13105550142'], documentIds: [document.id], options: { subject: 'Biopsy results Ada Lovelace' },
    });
    const done = await Promise.all([...sent, ...viaWelkin].map((job) => waitForFax(h, job.id, ['sent', 'failed'], 60_000)));
    expect(done.map((job) => job.state).sort()).toEqual(['failed', 'sent', 'sent']);

    const inbound = (await sinch.control.inbound({ from: '+14155550123', to: '+12015550100', pages: 2 })) as { id: string };
    expect((await syncedFaxes(h, sinchAccount, 1)).get(inbound.id)?.from).toBe('+14155550123');
    await waitFor(() => notices.some((notice) => notice.title.startsWith('New fax')) || undefined, 10_000, 'the new-fax notification');
    const counts = await readAttentionCounts((channel, input) => h.core.dispatch(channel, input) as never);
    tray.show(counts!);

    // The channels carried something (a scan of nothing proves nothing)…
    expect(notices.map((notice) => notice.title)).toEqual(expect.arrayContaining(['A fax was delivered', 'A fax failed', 'New fax']));
    expect(notices.find((notice) => notice.title === 'New fax')?.body).toBe('New fax — 2 pages, from …0123');
    expect(trayTexts).toEqual(expect.arrayContaining(['Faxdesk — 1 unread, 1 failed']));
    const logs = h.logLines.map((entry) => entry.line);
    expect(logs.some((line) => line.includes('send failed') || line.includes('fax failed'))).toBe(true);
    // …and none of it is PHI.
    expect(leaksIn(logs)).toEqual([]);
    expect(leaksIn(notices.flatMap((notice) => [notice.title, notice.body]))).toEqual([]);
    expect(leaksIn(trayTexts)).toEqual([]);
  }, 120_000);
});
