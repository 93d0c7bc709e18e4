import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Logger } from '../log';
import { shownName } from './openPath';

export interface HotFolderTiming {
  /** The periodic check (fs.watch misses events on network drives and some editors). */
  intervalMs: number;
  /** A file is taken once its size and time stayed the same this long (it is written completely). */
  settleMs: number;
  /** A PDF with no end marker yet, or an empty file, is waited for this long, then judged as it is. */
  incompleteMs: number;
  /** Files ready while others are still being written wait for them (so a batch keeps its order), at most this long. */
  holdMs: number;
}

export interface HotFolderDeps {
  /** Adds a PDF through the documents pipeline and opens compose with it. */
  open(path: string, name: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Says in the window why a file was not taken (or the folder cannot be watched). */
  refused(message: string): void;
  log: Logger;
}

const DEFAULT_TIMING: HotFolderTiming = { intervalMs: 1_000, settleMs: 2_000, incompleteMs: 60_000, holdMs: 10_000 };
export const PROCESSED = 'processed';
export const REFUSED = 'refused';

interface Seen { size: number; mtimeMs: number; changedAt: number; firstSeen: number }

/**
 * Print to fax: a folder the OS print dialog (or a person) drops PDFs into. Each PDF, once written
 * completely, opens compose and moves to `processed/`; anything else moves to `refused/` with a
 * message. Files that became ready together are taken in name order (numbers counted as numbers:
 * "scan 2" before "scan 10"), one at a time. Everything here is async file I/O on a timer; the PDF
 * itself is read by the documents pipeline in its worker pool.
 */
export class HotFolder {
  private folder: string | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private readonly seen = new Map<string, Seen>();
  private scanning: Promise<void> | undefined;
  private readonly timing: HotFolderTiming;

  constructor(private readonly deps: HotFolderDeps, timing: Partial<HotFolderTiming> = {}) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Follows the settings: starts, moves to another folder, or stops. */
  async configure({ enabled, path }: { enabled: boolean; path: string }): Promise<void> {
    if (enabled && path === this.folder) return;
    await this.stop();
    if (!enabled) return;
    try {
      await mkdir(join(path, PROCESSED), { recursive: true });
      await mkdir(join(path, REFUSED), { recursive: true });
    } catch (error) {
      this.deps.log.warn('the print-to-fax folder could not be created', { error });
      this.deps.refused(`The print-to-fax folder could not be created (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another folder in Settings.`);
      return;
    }
    this.folder = path;
    try {
      this.watcher = watch(path, { persistent: false }, () => this.scanSoon());
      this.watcher.on('error', (error) => this.deps.log.warn('watching the print-to-fax folder failed; checking it on a timer', { error }));
    } catch (error) {
      this.deps.log.warn('the print-to-fax folder cannot be watched; checking it on a timer', { error });
    }
    this.timer = setInterval(() => void this.scan(), this.timing.intervalMs);
    this.timer.unref();
    void this.scan();
  }

  /** Looks at the folder now (also the timer's and the watcher's work). Resolves when what was ready is handled. */
  scan(): Promise<void> {
    this.scanning ??= this.scanOnce().catch((error: unknown) => this.deps.log.warn('the print-to-fax folder could not be read', { error }))
      .finally(() => { this.scanning = undefined; });
    return this.scanning;
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    clearInterval(this.timer);
    clearTimeout(this.soon);
    this.watcher = undefined;
    this.timer = undefined;
    this.folder = undefined;
    this.seen.clear();
    await this.scanning;
  }

  /** A burst of watch events is one check, after the time a file needs to count as settled. */
  private scanSoon(): void {
    this.soon ??= setTimeout(() => { this.soon = undefined; void this.scan(); }, this.timing.settleMs + 10);
    this.soon.unref();
  }

  private async scanOnce(): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    const now = Date.now();
    const entries = (await readdir(folder, { withFileTypes: true }))
      // Hidden and temporary names are files still being written by another program.
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !/(~|\.tmp|\.part|\.partial|\.crdownload|\.download)$/i.test(e.name));
    const names = new Set(entries.map((e) => e.name));
    for (const name of this.seen.keys()) if (!names.has(name)) this.seen.delete(name);
    const ready: string[] = [];
    let busy = false;
    for (const { name } of entries) {
      const facts = await stat(join(folder, name)).catch(() => undefined);
      if (!facts) continue;
      const before = this.seen.get(name);
      if (!before || before.size !== facts.size || before.mtimeMs !== facts.mtimeMs) {
        this.seen.set(name, { size: facts.size, mtimeMs: facts.mtimeMs, changedAt: now, firstSeen: before?.firstSeen ?? now });
        busy = true;
      } else if (now - before.changedAt >= this.timing.settleMs) ready.push(name);
      else busy = true;
    }
    if (ready.length === 0) return;
    const oldest = Math.min(...ready.map((name) => this.seen.get(name)!.changedAt));
    if (busy && now - oldest < this.timing.holdMs) return; // more of the batch is on its way
    ready.sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
    for (const name of ready) {
      if (this.folder !== folder) return; // the setting changed meanwhile
      // One file that vanished or cannot be read does not hold up the rest.
      await this.take(folder, name).catch((error: unknown) => this.deps.log.warn('a print-to-fax file could not be taken', { error }));
    }
  }

  private async take(folder: string, name: string): Promise<void> {
    const path = join(folder, name);
    const seen = this.seen.get(name)!;
    const look = await lookAt(path, seen.size);
    const waitedLong = Date.now() - seen.firstSeen >= this.timing.incompleteMs;
    if (look === 'incomplete' && !waitedLong) return; // a printer driver may pause mid-file
    if (look === 'not-pdf') {
      await this.moveTo(folder, name, REFUSED);
      this.deps.refused(`${shownName(name)} in the print-to-fax folder is not a PDF, so it was not faxed. It was moved to the "${REFUSED}" folder.`);
      return;
    }
    const result = await this.deps.open(path, name);
    await this.moveTo(folder, name, result.ok ? PROCESSED : REFUSED);
    if (!result.ok) this.deps.refused(`${result.message} It was moved to the "${REFUSED}" folder.`);
  }

  /** Moves a handled file out of the way; a name already there gets " (2)", " (3)"… */
  private async moveTo(folder: string, name: string, sub: string): Promise<void> {
    this.seen.delete(name);
    const ext = extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; n < 1_000; n++) {
      const target = join(folder, sub, n === 1 ? name : `${stem} (${n})${ext}`);
      if (await stat(target).then(() => true, () => false)) continue;
      try {
        await rename(join(folder, name), target);
      } catch (error) {
        this.deps.log.warn('a print-to-fax file could not be moved', { error });
      }
      return;
    }
  }
}

/** Judges a file by its bytes: a PDF starts with %PDF- (within its first KB) and a complete one ends with %%EOF. */
async function lookAt(path: string, size: number): Promise<'pdf' | 'incomplete' | 'not-pdf'> {
  if (size === 0) return 'incomplete';
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(1024, size));
    await file.read(head, 0, head.length, 0);
    if (!head.includes('%PDF-')) return 'not-pdf';
    const tail = Buffer.alloc(Math.min(2048, size));
    await file.read(tail, 0, tail.length, size - tail.length);
    return tail.includes('%%EOF') ? 'pdf' : 'incomplete';
  } finally {
    await file.close();
  }
}
