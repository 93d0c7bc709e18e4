import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates, findLibreOffice } from '../../../main/core/documents/normalize/findLibreOffice';

describe('findLibreOffice', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'faxdesk-path-')); });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes soffice from PATH first, skipping files that cannot run', async () => {
    const [notExecutable, executable] = [join(dir, 'a'), join(dir, 'b')];
    await Promise.all([mkdir(notExecutable), mkdir(executable)]);
    await writeFile(join(notExecutable, 'soffice'), '#!/bin/sh\n');
    await writeFile(join(executable, 'soffice'), '#!/bin/sh\n');
    await chmod(join(executable, 'soffice'), 0o755);
    expect(await findLibreOffice({ PATH: `${notExecutable}:${executable}` }, 'linux')).toBe(join(executable, 'soffice'));
  });

  it('then looks where the installers put it, on each system', () => {
    expect(candidates({ PATH: '' }, 'linux')).toEqual(['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/snap/bin/libreoffice']);
    expect(candidates({ PATH: '' }, 'darwin')).toEqual(['/Applications/LibreOffice.app/Contents/MacOS/soffice']);
    expect(candidates({ Path: 'C:\\Tools', ProgramFiles: 'D:\\Programs' }, 'win32')).toEqual([
      'C:\\Tools\\soffice.exe',
      'D:\\Programs\\LibreOffice\\program\\soffice.exe',
      'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
      'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
    ]);
  });

  it('answers undefined when there is none', async () => {
    expect(await findLibreOffice({ PATH: dir }, 'darwin')).toBeUndefined();
  });
});
