import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../../../common/ipc/result';
import type { CoreTasks } from '../../workers/coreTasks';
import { WorkerTaskError, type TaskRunner } from '../../workers/taskProtocol';
import { killTree, LIBREOFFICE_PID_FILE } from './libreOfficeProcess';
import type { NormalizeInput, NormalizeOutput } from './normalizeTypes';
import { refusalWords } from './refusal';

/** Time for one file: a 200-page scan or a long Word document (LibreOffice alone gets 60 s). */
export const NORMALIZE_TIMEOUT_MS = 120_000;

export interface NormalizeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `document.normalize` for one file in the worker pool (main thread). Gives the task a
 * private work folder next to outputPath (same file system: the finished PDF is renamed into
 * place) and removes it afterwards. A task that overruns its time limit or crashes has its thread
 * terminated mid-way, so this side removes what it may have left at outputPath, stops a
 * LibreOffice it started, and refuses the file like the task does (the file's doing: damaged
 * input makes decoders spin or fail). Failures that are not the file's are thrown as AppError.
 */
export async function normalizeFile(
  tasks: TaskRunner<CoreTasks>, file: Omit<NormalizeInput, 'workDir'>, options: NormalizeOptions = {},
): Promise<NormalizeOutput> {
  const workDir = await mkdtemp(join(dirname(file.outputPath), '.normalize-'));
  try {
    return await tasks.run('document.normalize', { ...file, workDir }, { timeoutMs: options.timeoutMs ?? NORMALIZE_TIMEOUT_MS, signal: options.signal });
  } catch (error) {
    await rm(file.outputPath, { force: true });
    await stopLibreOfficeIn(workDir);
    const failed = error instanceof WorkerTaskError ? error.failure : undefined;
    if (failed === 'timeout' || failed === 'crashed') return refusalWords('damaged', file.name, failed === 'timeout' ? TOOK_TOO_LONG : STOPPED_READER);
    throw failure(error, failed, file.name);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

const AGAIN = 'Open it in the program that made it, save or export it again, and add the new file.';
const TOOK_TOO_LONG = { message: '{name} took too long to prepare for faxing; it is probably damaged.', nextStep: AGAIN };
const STOPPED_READER = { message: "{name} stopped Faxdesk's document converter; it is probably damaged.", nextStep: AGAIN };

function failure(error: unknown, failed: string | undefined, name: string): unknown {
  if (failed === 'aborted') return error;
  if (failed === 'queue_full') {
    return AppError.of('internal', 'Faxdesk is busy preparing other documents.', { nextStep: `Add ${name} again in a moment.`, retryable: true });
  }
  return AppError.of('internal', `${name} could not be prepared for faxing: Faxdesk's document converter is not working (${(error as Error).message}).`, {
    nextStep: 'Restart Faxdesk. If this happens again, reinstall it.',
  });
}

/**
 * Stops a LibreOffice that a `document.normalize` task started in `workDir` and could not stop
 * itself (its thread was terminated at the task's time limit). For callers that run the task
 * without normalizeFile: call it when the task fails, before removing the work folder.
 */
export async function stopLibreOfficeIn(workDir: string): Promise<void> {
  const pid = Number(await readFile(join(workDir, LIBREOFFICE_PID_FILE), 'utf8').catch(() => ''));
  if (Number.isInteger(pid) && pid > 0) killTree(pid);
}
