import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { posix, win32 } from 'node:path';

/**
 * Where LibreOffice's soffice is, if installed: on PATH first, then where the installers put it
 * (Debian/Ubuntu packages and snaps, Windows, macOS). Cheap
 * enough for the main thread: a few stat calls.
 */
export async function findLibreOffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  for (const candidate of candidates(env, platform)) {
    if (await isExecutable(candidate, platform)) return candidate;
  }
  return undefined;
}

export function candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const { delimiter, join } = platform === 'win32' ? win32 : posix;
  const names = platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  const onPath = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean).flatMap((dir) => names.map((name) => join(dir, name)));
  if (platform === 'win32') {
    const programFolders = [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'].filter(Boolean) as string[];
    return [...onPath, ...new Set(programFolders.map((folder) => `${folder}\\LibreOffice\\program\\soffice.exe`))];
  }
  if (platform === 'darwin') return [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [...onPath, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/snap/bin/libreoffice'];
}

async function isExecutable(path: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
