import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeOpenRequested } from '../../common/ipc/contract';
import { parseLaunchArgs } from '../../main/core/desktop/launchArgs';
import { MAX_OPEN_FILES } from '../../main/core/desktop/openRequests';
import type { CoreHarness } from '../support/coreKit';
import { startTestCore } from '../support/coreKit';
import { TempFolder } from '../support/tempFolder';

/** Files handed over by the desktop (issue 12, item 2), through a real core and real files. */
let h: CoreHarness;
let files: TempFolder;
const events: ComposeOpenRequested[] = [];

beforeAll(async () => {
  h = startTestCore({ demo: false });
  files = await TempFolder.create('faxdesk-open-');
  h.core.events.subscribe((event, payload) => { if (event === 'compose.openRequested') events.push(payload as ComposeOpenRequested); });
});
afterAll(async () => { await h.close(); await files.remove(); });

const launch = (...args: string[]) => h.core.openLaunch(['/opt/Faxdesk/faxdesk', ...args], { skip: 1, cwd: files.path }) as Promise<ComposeOpenRequested | undefined>;

describe('the command line of a launch', () => {
  it('reads files and the --to number, ignoring Chromium’s and the OS’s switches', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', 'a.pdf', '--allow-file-access-from-files', 'b.tif', '--to', '+1', '201', '555', '0100'], 2))
      .toEqual({ paths: ['a.pdf', 'b.tif'], to: '+1 201 555 0100' });
    expect(parseLaunchArgs(['faxdesk', '--to=+12015550100', '-psn_0_12345', 'c.pdf'], 1)).toEqual({ paths: ['c.pdf'], to: '+12015550100' });
    expect(parseLaunchArgs(['faxdesk', '--', '--to', '-odd name.pdf'], 1)).toEqual({ paths: ['--to', '-odd name.pdf'] });
    expect(parseLaunchArgs(['faxdesk'], 1)).toEqual({ paths: [] });
    // A second instance's argv in development: Chromium's switches can come before the app's folder.
    expect(parseLaunchArgs(['/usr/bin/electron', '--allow-file-access-from-files', '--original-process-start-time=1', '.', 'd.pdf'], 2)).toEqual({ paths: ['d.pdf'] });
  });

  it('a plain launch asks for nothing', async () => {
    expect(await launch()).toBeUndefined();
    expect(await launch('--no-sandbox-is-ignored')).toBeUndefined();
  });

  it('adds a good PDF through the documents pipeline and opens compose with it and the number', async () => {
    await files.pdf('Referral.pdf', 2);
    const request = await launch('Referral.pdf', '--to', '+1', '201', '555', '0100');
    expect(request).toMatchObject({ documents: [{ name: 'Referral.pdf', kind: 'pdf', pages: 2 }], to: '+12015550100', refusals: [] });
    expect(events.at(-1)).toEqual(request);
    // The window takes it once, even when it was not listening yet.
    const taken = await h.core.dispatch('compose.takeOpenRequests', {});
    expect(taken).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: request!.id })]) });
    expect(await h.core.dispatch('compose.takeOpenRequests', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a missing file, a folder, an empty file and an oversized one, each in words; the good one still opens', async () => {
    const good = await files.pdf('Good.pdf', 1);
    mkdirSync(join(files.path, 'Scans'));
    writeFileSync(join(files.path, 'Empty.pdf'), '');
    await files.sparse('Huge.pdf', 100 * 1024 * 1024 + 1);
    const request = await launch('Missing.pdf', 'Scans', 'Empty.pdf', 'Huge.pdf', good.path);
    expect(request!.documents.map((d) => d.name)).toEqual(['Good.pdf']);
    expect(request!.refusals).toEqual([
      'Missing.pdf was not opened: there is no such file. It may have been moved or deleted.',
      'Scans was not opened: it is a folder. Open the files inside it instead.',
      'Empty.pdf was not opened: it is empty.',
      'Huge.pdf was not opened: it is larger than 100 MB. Split the document into smaller files.',
    ]);
  });

  it('refuses network shares, devices, web addresses and control characters before touching them', async () => {
    const request = await launch('\\\\server\\share\\fax.pdf', '//server/share/fax.pdf', '/dev/null', 'NUL.pdf', 'https://evil.example/a.pdf', 'bad\nname.pdf');
    expect(request!.documents).toEqual([]);
    expect(request!.refusals).toEqual([
      'fax.pdf was not opened: it is on a network share or is a device. Copy it to this computer first.',
      'fax.pdf was not opened: it is on a network share or is a device. Copy it to this computer first.',
      'null was not opened: it is not an ordinary file (a device, a pipe or a socket).',
      'NUL.pdf was not opened: that name belongs to a device, not a file.',
      'a.pdf was not opened: it is a web address, not a file on this computer.',
      'badname.pdf was not opened: its name is not a valid file name.',
    ]);
  });

  it('a file the pipeline refuses is said with the pipeline’s words; a link to a good file is followed', async () => {
    const exe = await files.file('setup.pdf', Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'application/octet-stream');
    const target = await files.pdf('Target.pdf', 1);
    symlinkSync(target.path, join(files.path, 'Link.pdf'));
    const request = await launch(exe.path, 'Link.pdf');
    expect(request!.documents.map((d) => d.name)).toEqual(['Link.pdf']);
    expect(request!.refusals).toEqual([expect.stringMatching(/^setup\.pdf is not a kind of file Faxdesk can fax\. /)]);
  });

  it('a --to that is not a fax number is said, and the files still open', async () => {
    const good = await files.pdf('Note.pdf', 1);
    const request = await launch(good.path, '--to', '12');
    expect(request).toMatchObject({ documents: [{ name: 'Note.pdf' }], refusals: [expect.stringMatching(/^The number after --to was not used: /)] });
    expect(request!.to).toBeUndefined();
  });

  it(`opens at most ${MAX_OPEN_FILES} files from one launch`, async () => {
    const many = Array.from({ length: MAX_OPEN_FILES + 3 }, (_, i) => `missing-${i}.pdf`);
    const request = await launch(...many);
    expect(request!.refusals).toHaveLength(MAX_OPEN_FILES + 1);
    expect(request!.refusals.at(-1)).toBe(`3 more files were not opened: Faxdesk opens at most ${MAX_OPEN_FILES} files at once.`);
  });

  it('macOS open-file paths open the same way', async () => {
    const good = await files.pdf('Opened.pdf', 1);
    expect(await h.core.openFiles([good.path], '/')).toMatchObject({ documents: [{ name: 'Opened.pdf' }], refusals: [] });
  });
});
