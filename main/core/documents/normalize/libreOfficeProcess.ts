import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Written while LibreOffice runs, so whoever owns the work folder can stop it if this thread is terminated. */
export const LIBREOFFICE_PID_FILE = 'libreoffice.pid';

/**
 * Runs soffice in a process group of its own (its launcher starts soffice.bin), killed whole
 * after `timeoutMs`. Resolves with the exit code, 'timeout', or 'failed' (it could not start).
 */
export function runSoffice(soffice: string, args: string[], workDir: string, timeoutMs: number): Promise<number | 'timeout' | 'failed'> {
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { detached: process.platform !== 'win32', stdio: 'ignore', windowsHide: true });
    if (child.pid) void writeFile(join(workDir, LIBREOFFICE_PID_FILE), String(child.pid)).catch(() => undefined);
    const timer = setTimeout(() => {
      killTree(child.pid);
      resolve('timeout');
    }, timeoutMs);
    child.once('error', () => { clearTimeout(timer); resolve('failed'); });
    child.once('exit', (code) => { clearTimeout(timer); resolve(code ?? 'failed'); });
  });
}

/** Stops a LibreOffice started by runSoffice, with the processes it started. */
export function killTree(pid: number | undefined): void {
  if (!pid) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/t', '/f'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL'); // the whole process group
  } catch {
    // already gone
  }
}
