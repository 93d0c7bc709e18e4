import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeDocument } from '../../main/core/documents/normalize/normalizeDocument';
import type { NormalizeInput, NormalizeOutput, Paper } from '../../main/core/documents/normalize/normalizeTypes';

export interface NormalizeRun {
  output: NormalizeOutput;
  /** The PDF written at outputPath, if any. */
  pdf?: Uint8Array;
  /** What else was left in the output folder (must be nothing). */
  leftovers: string[];
  ms: number;
}

/**
 * Runs the normaliser on `bytes` saved as `name`, on this thread (the pool's own tests run it in a
 * worker): a fresh folder per call, like the data folder the core gives it.
 */
export async function normalizeBytes(
  name: string, bytes: Uint8Array, options: { paper?: Paper; libreOffice?: string; libreOfficeTimeoutMs?: number } = {},
): Promise<NormalizeRun> {
  const root = await mkdtemp(join(tmpdir(), 'faxdesk-normalize-'));
  try {
    const [documents, workDir] = [join(root, 'documents'), join(root, 'work')];
    await Promise.all([mkdir(documents), mkdir(workDir)]);
    const sourcePath = join(documents, 'source');
    await writeFile(sourcePath, bytes);
    const input: NormalizeInput = { sourcePath, outputPath: join(documents, 'normalized.pdf'), name, paper: options.paper ?? 'letter', workDir, ...options };
    const started = performance.now();
    const output = await normalizeDocument(input);
    const ms = performance.now() - started;
    const pdf = existsSync(input.outputPath) ? new Uint8Array(await readFile(input.outputPath)) : undefined;
    const leftovers = (await readdir(documents)).filter((file) => file !== 'source' && file !== 'normalized.pdf');
    return { output, pdf, leftovers, ms };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The output of a run that must have succeeded, with its PDF. */
export function accepted(run: NormalizeRun) {
  if (!run.output.ok) throw new Error(`expected the file to be accepted, but: ${run.output.message} (${run.output.reason})`);
  if (!run.pdf) throw new Error('accepted, but no PDF at outputPath');
  return { ...run.output, pdf: run.pdf };
}
