import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dead buffers go when asked, not once V8 has seen 64 MB more of them (bench/documents, send).
 * Measured in a fresh Node process: a test runner's own work sets off collections of its own.
 */
const module = resolve(import.meta.dirname, '../../main/core/workers/releaseGarbage.ts');

function deadMbAfter50ms(release: boolean): number {
  const script = `
    const { releaseGarbage } = await import(${JSON.stringify(module)});
    const before = process.memoryUsage().arrayBuffers;
    let buffers = Array.from({ length: 16 }, () => Buffer.alloc(1024 * 1024, 1));
    buffers = undefined;
    if (${release}) releaseGarbage('major');
    await new Promise((r) => setTimeout(r, 50));
    console.log((process.memoryUsage().arrayBuffers - before) / 1048576);`;
  // Node 22 strips the module's types itself: no loader (tsx) whose own work would set off collections.
  const run = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim().split('\n').at(-1));
}

describe('releaseGarbage', () => {
  it('frees 16 MB of dead buffers that V8 keeps for now without it', () => {
    expect(deadMbAfter50ms(false)).toBeGreaterThan(12);
    expect(deadMbAfter50ms(true)).toBeLessThan(4);
  });
});
