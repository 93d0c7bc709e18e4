import { describe, expect, it } from 'vitest';
import { PRINT_CHANNEL } from '../../common/ipc/shellChannels';
import { createSenderCheck } from '../../main/core/ipc/registerIpc';
import { registerPrint, type PrintableContents, type PrintEventLike, type PrintIpcLike } from '../../main/shell/printing';
import { APP_ORIGIN } from '../../main/shell/appProtocol';

type Answer = (success: boolean, failureReason: string) => void;

/** A fake ipcMain and a fake window whose print dialog the test answers. */
function shell() {
  const handlers = new Map<string, (event: PrintEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: PrintIpcLike = { handle: (channel, listener) => { handlers.set(channel, listener); } };
  registerPrint(ipc, createSenderCheck(APP_ORIGIN));
  const printed: Array<Parameters<PrintableContents['print']>[0]> = [];
  let answer: Answer | undefined;
  const sender: PrintableContents = { print: (options, callback) => { printed.push(options); answer = callback; } };
  const ask = (url = `${APP_ORIGIN}/index.html`, parent: unknown = null) =>
    handlers.get(PRINT_CHANNEL)!({ senderFrame: { url, parent }, sender }, { jobName: 'Faxdesk — 3 pages' });
  return { handlers, printed, ask, answer: (success: boolean, reason = '') => answer!(success, reason) };
}

describe('printing through the system dialog (the shell, with a fake Electron window)', () => {
  it('registers one channel and asks the system dialog to fit each page inside the printable area of the printer’s own paper', async () => {
    const s = shell();
    expect([...s.handlers.keys()]).toEqual([PRINT_CHANNEL]);
    const answer = s.ask();
    expect(s.printed).toEqual([{ silent: false, printBackground: true, usePrinterDefaultPageSize: true, margins: { marginType: 'printableArea' } }]);
    s.answer(true);
    expect(await answer).toEqual({ ok: true, value: { printed: true } });
  });

  it('a cancelled dialog is not a failure; a failed print says what to check', async () => {
    const cancelled = shell();
    const first = cancelled.ask();
    cancelled.answer(false, 'Print job canceled');
    expect(await first).toEqual({ ok: true, value: { printed: false } });

    const failed = shell();
    const second = failed.ask();
    failed.answer(false, 'Print job failed');
    const r = await second as { ok: false; error: { message: string; nextStep: string } };
    expect(r.ok).toBe(false);
    expect(r.error.message).toBe('The fax could not be printed (Print job failed).');
    expect(r.error.nextStep).toContain('printer is on');
  });

  it('an exception from Electron (invalid printer settings) is an answer, not a crash', async () => {
    const handlers = new Map<string, (event: PrintEventLike) => Promise<unknown>>();
    registerPrint({ handle: (c, l) => { handlers.set(c, l); } }, createSenderCheck(APP_ORIGIN));
    const sender: PrintableContents = { print: () => { throw new Error('Invalid printer settings'); } };
    const r = await handlers.get(PRINT_CHANNEL)!({ senderFrame: { url: `${APP_ORIGIN}/`, parent: null }, sender }) as { ok: boolean; error: { message: string } };
    expect(r).toMatchObject({ ok: false, error: { message: 'The fax could not be printed (Invalid printer settings).' } });
  });

  it('only the Faxdesk window’s main frame may print', async () => {
    const s = shell();
    expect(await s.ask('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await s.ask(`${APP_ORIGIN}/`, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(s.printed).toEqual([]);
  });
});
