import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const TSX = resolve(root, 'node_modules/.bin/tsx');

export interface ChildEmulator {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts an emulator in its own process (`npm run emulator`), so its memory and CPU are not
 * counted against the process being measured. Resolves once it prints its URL.
 */
export function startChildEmulator(which: 'sinch' | 'welkin', speed = 1000): Promise<ChildEmulator> {
  const child = spawn(TSX, ['main/emulators/cli.ts', which, '--port', '0', '--speed', String(speed)], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${which} emulator did not start`)); }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        url: match[1]!,
        child,
        stop: () => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }),
      });
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${which} emulator exited with ${code}`)); });
  });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
