import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A LibreOffice that never finishes: like soffice's launcher it starts a second process (its
 * soffice.bin) and waits for it. `running()` says which of the two are still alive.
 */
export async function hangingSoffice() {
  const dir = await mkdtemp(join(tmpdir(), 'faxdesk-fake-soffice-'));
  const path = join(dir, 'soffice');
  await writeFile(path, `#!/bin/sh\nsleep 120 &\necho $! > "${dir}/child.pid"\necho $$ > "${dir}/launcher.pid"\nwait\n`);
  await chmod(path, 0o755);
  return {
    path,
    async running(): Promise<string[]> {
      const alive: string[] = [];
      for (const name of ['launcher', 'child']) {
        const pid = Number(await readFile(join(dir, `${name}.pid`), 'utf8'));
        if (isRunning(pid)) alive.push(name);
      }
      return alive;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** True while the process exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim().startsWith('Z');
  } catch {
    return false;
  }
}
