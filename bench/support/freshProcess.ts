import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a built bench file again in a fresh process (its own memory, nothing left resident by an
 * earlier run), on this same Node with `--expose-gc`, and resolves with the JSON object printed on
 * the last line of its output. Pass the bench's own `import.meta.url`.
 */
export function runInFreshProcess<T>(benchUrl: string, args: string[]): Promise<T> {
  const child = spawn(process.execPath, ['--expose-gc', '--no-warnings', fileURLToPath(benchUrl), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as T);
      else reject(new Error(`${args[0] ?? 'bench child'} exited with ${code}: ${output}`));
    });
  });
}
