import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The bench build (bench/vite.config.ts) writes the emulators' CLI next to every bench.
const EMULATOR_CLI = fileURLToPath(new URL('./emulatorCli.js', import.meta.url));

export interface ChildEmulator {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts an emulator in its own process (the built `npm run emulator`, on this same Node), so its
 * memory and CPU are not counted against the process being measured. Resolves once it prints its URL.
 */
export function startChildEmulator(which: 'sinch' | 'welkin', speed = 1000): Promise<ChildEmulator> {
  if (!existsSync(EMULATOR_CLI)) throw new Error(`${EMULATOR_CLI} is missing: run benches built, through \`npm run bench:<name>\``);
  const child = spawn(process.execPath, [EMULATOR_CLI, which, '--port', '0', '--speed', String(speed)], { stdio: ['ignore', 'pipe', 'inherit'] });
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
