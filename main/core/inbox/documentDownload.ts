import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Accounts } from '../accounts/accounts';
import type { Vault } from '../crypto/vault';
import type { JobContext } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { ProviderError } from '../providers/providerError';
import type { InboxRepo } from '../store/inboxRepo';
import type { CoreTasks } from '../workers/coreTasks';
import { WorkerTaskError, type TaskRunner } from '../workers/taskProtocol';

export const DOWNLOAD_DOCUMENT = 'inbox.download';
/** Downloads have their own queue per account: a slow one never holds up the account's sync or another account. */
export const downloadQueueOf = (accountId: string) => `inbox-download:${accountId}`;
/** Tries before a document that keeps failing to download is shown as unavailable (a person can retry). */
export const DOWNLOAD_ATTEMPTS = 8;

export interface DownloadPayload {
  faxId: string;
}

export interface DownloadDeps {
  repo: InboxRepo;
  accounts: Accounts;
  tasks: TaskRunner<CoreTasks>;
  /** `<data folder>/inbox`: documents are named by our fax id, never by a name a server chose. */
  folder: string;
  /** Documents are kept sealed; the download is plain only in the vault's private folder. */
  vault: Vault;
  log: Logger;
  changed(faxId: string): void;
}

export const documentPath = (folder: string, faxId: string) => join(folder, `${faxId}.pdf`);

/** Streams the body to `path`, hashing it on the way; never holds the whole file in memory. */
async function streamToFile(body: ReadableStream<Uint8Array>, path: string, signal: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), tap, createWriteStream(path), { signal });
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * The `inbox.download` job: fetches a received fax's document once, to `<folder>/<fax id>.pdf` (sealed),
 * with its SHA-256 and (counted in the worker pool) its pages. A document the provider does not
 * have, or a damaged one, marks the fax "document unavailable" and ends the job; a failing
 * connection is retried by the runner (honouring Retry-After) up to DOWNLOAD_ATTEMPTS times.
 * Nothing here stops the sync or another fax's download.
 */
export function downloadHandler(deps: DownloadDeps) {
  return async (context: JobContext<DownloadPayload>): Promise<void> => {
    const { faxId } = context.payload;
    const row = deps.repo.get(faxId);
    if (!row || row.document_state !== 'pending') return;
    const unavailable = (problem: 'missing' | 'corrupt' | 'failed', detail: unknown) => {
      deps.repo.setDocumentProblem(faxId, problem);
      deps.log.warn('inbox: document unavailable', { faxId, problem, detail: detail instanceof Error ? detail.message : String(detail) });
      deps.changed(faxId);
    };
    if (!deps.accounts.exists(row.account_id)) return unavailable('failed', 'the account was removed');
    const final = documentPath(deps.folder, faxId);
    // Downloaded and checked in a private folder, sealed into the inbox folder only once it is known good.
    const done = await deps.vault.temp.within(async (dir) => {
      const part = join(dir, 'download.pdf');
      let facts: { sha256: string; bytes: number; contentType: string };
      try {
        const provider = await deps.accounts.providerFor(row.account_id);
        const download = await provider.downloadFax(row.provider_id);
        const written = await streamToFile(download.body, part, context.signal);
        // A body shorter than announced is a cut connection, not a document.
        if (download.sizeBytes !== undefined && written.bytes !== download.sizeBytes) {
          throw ProviderError.network(`The download ended after ${written.bytes} of ${download.sizeBytes} bytes.`, false, provider.kind);
        }
        facts = { ...written, contentType: download.contentType };
      } catch (error) {
        if (context.signal.aborted) throw error;
        if (error instanceof ProviderError && (error.code === 'not_found' || error.code === 'permission_denied')) return unavailable('missing', error);
        if (context.attempt >= DOWNLOAD_ATTEMPTS) return unavailable('failed', error);
        throw error;
      }
      let counted: Awaited<ReturnType<TaskRunner<CoreTasks>['run']>>;
      try {
        counted = await deps.tasks.run('pdf.countPages', { path: part }, { signal: context.signal, timeoutMs: 60_000 });
      } catch (error) {
        // A decoder that spins or crashes on this file: the file is the problem, not the computer.
        if (error instanceof WorkerTaskError && ['timeout', 'crashed', 'failed'].includes(error.failure)) return unavailable('corrupt', error);
        throw error;
      }
      const pages = counted as { ok: true; pages: number } | { ok: false; reason: string };
      if (!pages.ok) return unavailable('corrupt', pages.reason);
      await deps.vault.files.sealFile(part, final);
      return { ...facts, pages: pages.pages };
    });
    if (!done) return;
    // Retention may have removed this fax's document while it downloaded: then the copy goes too.
    if (!deps.repo.setDocumentReady(faxId, done, new Date().toISOString())) await rm(final, { force: true });
    deps.changed(faxId);
  };
}
