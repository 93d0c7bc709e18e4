import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeOpenRequested } from '../../common/ipc/contract';
import { printHelpers } from '../../main/core/desktop/printHelpers';
import type { CoreHarness } from '../support/coreKit';
import { makePdfBytes, startTestCore, waitFor } from '../support/coreKit';
import { pdfBytes } from '../support/testKit';
import { TempFolder } from '../support/tempFolder';

/**
 * Print to fax (issue 12, item 3): a real core watching a real folder. Files dropped together are
 * taken in name order (numbers as numbers), once each is written completely.
 */
let h: CoreHarness;
let temp: TempFolder;
let hot: string;
const opened: ComposeOpenRequested[] = [];
const refused: string[] = [];

beforeAll(async () => {
  temp = await TempFolder.create('faxdesk-hot-');
  hot = join(temp.path, 'Print to fax');
  h = startTestCore({ demo: false, hotFolder: { intervalMs: 100, settleMs: 300, holdMs: 5_000, incompleteMs: 8_000 } });
  h.core.events.subscribe((event, payload) => {
    if (event === 'compose.openRequested') opened.push(payload as ComposeOpenRequested);
    if (event === 'hotFolder.refused') refused.push((payload as { message: string }).message);
  });
  expect(await h.core.dispatch('settings.update', { hotFolderEnabled: true, hotFolderPath: hot })).toMatchObject({ ok: true, value: { hotFolderEnabled: true, hotFolderPath: hot } });
  await waitFor(() => existsSync(join(hot, 'processed')), 5_000, 'the folder to be created');
});
afterAll(async () => { await h.close(); await temp.remove(); });

const list = (sub: string) => readdirSync(join(hot, sub)).filter((name) => !name.startsWith('.')).sort();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the print-to-fax folder', () => {
  it('is off by default, at ~/Faxdesk/Print to fax, and refuses a folder that is not a full local path', async () => {
    const fresh = startTestCore({ demo: false });
    try {
      const settings = await fresh.core.dispatch('settings.get', {});
      expect(settings).toMatchObject({ ok: true, value: { hotFolderEnabled: false, hotFolderPath: expect.stringMatching(/Faxdesk[\\/]Print to fax$/) } });
      expect(await fresh.core.dispatch('settings.update', { hotFolderPath: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('full path') } });
      expect(await fresh.core.dispatch('settings.update', { hotFolderPath: '\\\\server\\share' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a network share') } });
    } finally {
      await fresh.close();
    }
  });

  it('takes a PDF written slowly in chunks once, complete, even when a pause is longer than the settling time', async () => {
    const bytes = await pdfBytes({ pages: 3, paddingBytes: 300_000 });
    const file = await open(join(hot, 'Slow print.pdf'), 'w');
    const chunk = Math.ceil(bytes.length / 5);
    for (let at = 0; at < bytes.length; at += chunk) {
      await file.write(bytes.subarray(at, at + chunk));
      await sleep(at === chunk ? 700 : 150); // one pause outlasts the 300 ms settle: the missing %%EOF keeps it waiting
    }
    await file.close();
    const request = await waitFor(() => opened.find((r) => r.documents[0]?.name === 'Slow print.pdf'), 20_000, 'the slow PDF');
    expect(request.documents[0]).toMatchObject({ kind: 'pdf', pages: 3, sizeBytes: bytes.length, sha256: sha256(bytes) });
    await waitFor(() => list('processed').includes('Slow print.pdf'), 5_000, 'the move to processed');
    await sleep(800);
    expect(opened.filter((r) => r.documents[0]?.name === 'Slow print.pdf')).toHaveLength(1);
    expect(readFileSync(join(hot, 'processed', 'Slow print.pdf'))).toEqual(Buffer.from(bytes));
    // The window takes it like a launch's files.
    const taken = await h.core.dispatch('compose.takeOpenRequests', {});
    expect(taken).toMatchObject({ ok: true, value: [expect.objectContaining({ id: request.id })] });
  });

  it('refuses a file that is not a PDF, with a message, and moves it to refused/', async () => {
    await writeFile(join(hot, 'notes.txt'), 'Dear Dr Smith, not a PDF.');
    await writeFile(join(hot, 'renamed.pdf'), 'MZ this is an executable renamed to .pdf');
    await waitFor(() => refused.length >= 2, 10_000, 'the refusals');
    expect(refused).toEqual([
      'notes.txt in the print-to-fax folder is not a PDF, so it was not faxed. It was moved to the "refused" folder.',
      'renamed.pdf in the print-to-fax folder is not a PDF, so it was not faxed. It was moved to the "refused" folder.',
    ]);
    expect(list('refused')).toEqual(['notes.txt', 'renamed.pdf']);
    expect(opened.some((r) => r.documents.some((d) => d.name === 'notes.txt'))).toBe(false);
  });

  it('a damaged PDF is refused with the pipeline’s words', async () => {
    const good = await makePdfBytes(2);
    await writeFile(join(hot, 'damaged.pdf'), Buffer.concat([good.subarray(0, 60), Buffer.from('garbage '.repeat(40)), Buffer.from('\n%%EOF\n')]));
    await waitFor(() => refused.some((m) => m.startsWith('damaged.pdf')), 10_000, 'the damaged PDF refused');
    expect(refused.at(-1)).toMatch(/It was moved to the "refused" folder\.$/);
    expect(list('refused')).toContain('damaged.pdf');
  });

  it('50 PDFs dropped at once all reach compose, in name order, and end up in processed/', async () => {
    const before = opened.length;
    const pdf = await makePdfBytes(1);
    const names = Array.from({ length: 50 }, (_, i) => `Batch ${i + 1}.pdf`);
    // Written in a shuffled order: the order of arrival in compose is the names'.
    await Promise.all([...names].reverse().map((name) => writeFile(join(hot, name), pdf)));
    await waitFor(() => opened.length - before >= 50, 60_000, '50 compose requests');
    expect(opened.slice(before).map((r) => r.documents[0]!.name)).toEqual(names);
    await waitFor(() => list('processed').filter((n) => n.startsWith('Batch')).length === 50, 10_000, 'all moved');
    expect(readdirSync(hot).filter((n) => n.startsWith('Batch'))).toEqual([]);
  }, 90_000);

  it('a name already in processed/ gets a number', async () => {
    const pdf = await makePdfBytes(1);
    for (let i = 0; i < 2; i++) {
      await writeFile(join(hot, 'Same.pdf'), pdf);
      await waitFor(() => !existsSync(join(hot, 'Same.pdf')), 10_000, 'Same.pdf taken');
    }
    expect(list('processed').filter((n) => n.startsWith('Same'))).toEqual(['Same (2).pdf', 'Same.pdf']);
  });

  it('ignores hidden and temporary files until they are renamed', async () => {
    const pdf = await makePdfBytes(1);
    await writeFile(join(hot, '.20260101 Letter.pdf.partial'), pdf);
    await sleep(700);
    expect(existsSync(join(hot, '.20260101 Letter.pdf.partial'))).toBe(true);
  });

  it('turned off, stops watching: a file dropped then stays', async () => {
    await h.core.dispatch('settings.update', { hotFolderEnabled: false });
    await writeFile(join(hot, 'Later.pdf'), await makePdfBytes(1));
    await sleep(800);
    expect(existsSync(join(hot, 'Later.pdf'))).toBe(true);
    // On again: the file waiting there is taken.
    await h.core.dispatch('settings.update', { hotFolderEnabled: true });
    await waitFor(() => !existsSync(join(hot, 'Later.pdf')), 10_000, 'Later.pdf taken');
  });
});

describe('the print-dialog helper files', () => {
  const folder = "/Users/o'neil/Faxdesk/Print to fax";

  it('macOS: a script that adds "Fax with Faxdesk" to PDF Services, copying into the folder under a hidden name first', () => {
    const mac = printHelpers(folder).find((f) => f.name.includes('macOS'))!;
    expect(mac.text).toContain('SERVICES="$HOME/Library/PDF Services"');
    expect(mac.text).toContain('cat > "$SERVICES/Fax with Faxdesk"');
    expect(mac.text).toContain(`HOT='/Users/o'\\''neil/Faxdesk/Print to fax'`);
    expect(mac.text).toMatch(/cp "\$3" "\$HOT\/\.\$stamp \$name\.pdf\.partial"\nmv /);
    expect(mac.text).toContain('chmod +x');
    expect(mac.text).toContain('never runs it');
  });

  it('Windows: PowerShell that adds the Microsoft Print to PDF driver on a port that is a file in the folder', () => {
    const win = printHelpers('C:\\Users\\O\'Neil\\Faxdesk\\Print to fax').find((f) => f.name.endsWith('.ps1'))!;
    expect(win.text).toContain("$folder = 'C:\\Users\\O''Neil\\Faxdesk\\Print to fax'");
    expect(win.text).toContain("$port = Join-Path $folder 'Printed fax.pdf'");
    expect(win.text).toContain('Add-PrinterPort -Name $port');
    expect(win.text).toContain("Add-Printer -Name 'Fax with Faxdesk' -DriverName 'Microsoft Print to PDF' -PortName $port");
    expect(win.text).toContain('as administrator');
  });

  it('Linux: the CUPS-PDF line that points it at the folder', () => {
    const linux = printHelpers(folder).find((f) => f.name.includes('Linux'))!;
    expect(linux.text).toContain(`Out ${folder}`);
  });

  it('are written (not run, not executable) into setup/ inside the folder, where the watcher does not look', async () => {
    const r = await h.core.dispatch('hotFolder.writeHelpers', {});
    expect(r).toMatchObject({ ok: true, value: { folder: join(hot, 'setup') } });
    const written = readdirSync(join(hot, 'setup')).sort();
    expect(written).toEqual(printHelpers(hot).map((f) => f.name).sort());
    expect(readFileSync(join(hot, 'setup', 'Install Fax with Faxdesk (Windows).ps1'), 'utf8')).toContain(hot);
    await sleep(500);
    expect(refused.filter((m) => m.includes('Install'))).toEqual([]);
  });
});
