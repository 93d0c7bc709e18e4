import { randomUUID } from 'node:crypto';
import type { DocumentInfo } from '../../../common/domain/document';
import { readFaxNumber } from '../../../common/domain/recipients';
import type { ComposeOpenRequested } from '../../../common/ipc/contract';
import { AppError } from '../../../common/ipc/result';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import { parseLaunchArgs } from './launchArgs';
import { checkOpenPath, shownName } from './openPath';

/** More files than a fax could ever take (Welkin: 10) are a mistake or an attack: the rest are refused. */
export const MAX_OPEN_FILES = 50;
/** Requests the window has not taken yet (it may not have started): older ones are dropped. */
const MAX_PENDING = 20;

export interface OpenRequestsDeps {
  documents: { addFile(path: string, name: string): Promise<DocumentInfo> };
  events: CoreEvents;
  log: Logger;
  /** The office's region: a `--to` number without a country code is read in it. */
  region(): string | undefined;
}

/**
 * Files handed over by the desktop become an "open in compose" request: each path is checked,
 * added through the documents pipeline (in its worker pool), and the result is queued for the
 * window and announced as `compose.openRequested`. The window takes the queue, so a launch's files
 * are not lost while the page is still loading.
 */
export class OpenRequests {
  private pending: ComposeOpenRequested[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OpenRequestsDeps) {}

  /**
   * A launch's command line (the first one, or a second instance's). Answers undefined for a
   * plain launch (no files, no number): the window then just comes to the front.
   */
  openLaunch(argv: readonly string[], { skip, cwd }: { skip: number; cwd: string }): Promise<ComposeOpenRequested | undefined> {
    const { paths, to } = parseLaunchArgs(argv, skip);
    if (paths.length === 0 && to === undefined) return Promise.resolve(undefined);
    return this.openFiles(paths, { cwd, ...(to !== undefined ? { to } : {}) });
  }

  /** Paths from the OS (macOS open-file, the command line). One request at a time, in arrival order. */
  openFiles(paths: readonly string[], { cwd, to }: { cwd: string; to?: string }): Promise<ComposeOpenRequested> {
    const next = this.chain.then(() => this.build(paths, cwd, to));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** A file the hot folder already checked (a PDF, written completely): added and announced alone. */
  async openChecked(path: string, name: string): Promise<{ ok: true; request: ComposeOpenRequested } | { ok: false; message: string }> {
    const added = await this.add(path, name);
    if (!added.ok) return added;
    return { ok: true, request: this.announce({ documents: [added.info], refusals: [] }) };
  }

  /** The requests the window has not opened yet; each is handed out once. */
  take(): ComposeOpenRequested[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  private async build(paths: readonly string[], cwd: string, to: string | undefined): Promise<ComposeOpenRequested> {
    const documents: DocumentInfo[] = [];
    const refusals: string[] = [];
    for (const [i, input] of paths.entries()) {
      if (i >= MAX_OPEN_FILES) {
        refusals.push(`${paths.length - MAX_OPEN_FILES} more files were not opened: Faxdesk opens at most ${MAX_OPEN_FILES} files at once.`);
        break;
      }
      const check = await checkOpenPath(input, cwd);
      if (!check.ok) {
        refusals.push(check.message);
        continue;
      }
      const added = await this.add(check.path, check.name);
      if (added.ok) documents.push(added.info);
      else refusals.push(added.message);
    }
    let e164: string | undefined;
    if (to !== undefined) {
      const number = readFaxNumber(to, this.deps.region());
      if (number.ok) e164 = number.e164;
      else refusals.push(`The number after --to was not used: ${number.message}`);
    }
    if (refusals.length > 0) this.deps.log.info('files from the desktop were refused', { refused: refusals.length, opened: documents.length });
    return this.announce({ documents, refusals, ...(e164 ? { to: e164 } : {}) });
  }

  private async add(path: string, name: string): Promise<{ ok: true; info: DocumentInfo } | { ok: false; message: string }> {
    try {
      return { ok: true, info: await this.deps.documents.addFile(path, name) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: `${error.info.message} ${error.info.nextStep}`.trim() };
      this.deps.log.warn('a file from the desktop could not be added', { error });
      return { ok: false, message: `${shownName(name)} could not be read. Check that the file is still there and open it again.` };
    }
  }

  private announce(request: Omit<ComposeOpenRequested, 'id'>): ComposeOpenRequested {
    const full = { id: randomUUID(), ...request };
    this.pending = [...this.pending, full].slice(-MAX_PENDING);
    this.deps.events.emit('compose.openRequested', full);
    return full;
  }
}
