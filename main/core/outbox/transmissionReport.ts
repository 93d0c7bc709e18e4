import { PROVIDER_NAMES, type Account } from '../../../common/domain/account';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { DocumentStore } from '../documents/documentStore';
import type { RemoteFax } from '../providers/faxProvider';
import type { FaxJobRow } from '../store/faxJobsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import type { FaxRecords } from './faxRecords';
import type { ReportInput } from './reportLayout';

export interface ReportDeps {
  records: FaxRecords;
  documents: DocumentStore;
  accounts: Accounts;
  tasks: TaskRunner<CoreTasks>;
}

const RESOLUTIONS = { FINE: 'Fine (204 × 196 dpi)', SUPERFINE: 'Superfine (204 × 391 dpi)' } as const;

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'long' }) : 'not reported');

function duration(from: string | undefined, to: string | undefined): string {
  if (!from || !to) return 'not known';
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function statusWords(job: FaxJobRow): string {
  if (job.state === 'sent') return job.resolution === 'confirmed_by_person' ? 'Delivered (confirmed by a person with the recipient)' : 'Delivered';
  if (job.state === 'uncertain') return 'Uncertain — it may or may not have gone out';
  return 'Failed';
}

/**
 * Proof of delivery: a one-page PDF for a completed or failed fax — provider and its fax id,
 * numbers, pages, times, attempts, final status in words with the provider's own code, price,
 * the SHA-256 of the exact bytes sent, a thumbnail, and what the provider does not report.
 */
export async function transmissionReport(deps: ReportDeps, id: string): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  const job = deps.records.get(id);
  if (!job) throw AppError.of('not_found', 'That fax is no longer in the outbox.');
  if (!['sent', 'failed', 'uncertain'].includes(job.state)) throw AppError.of('conflict', 'The report is ready once the fax is done.');
  const account = await deps.accounts.get(job.accountId).catch(() => undefined);
  const remote = await freshFacts(deps, job, account);
  const service = account ? PROVIDER_NAMES[account.settings.provider] : 'the provider';
  const sent = job.pagesSent ?? (job.state === 'sent' ? job.pages : 0);
  const rows: ReportInput['rows'] = [
    ['Status', statusWords(job)],
    ...(job.state !== 'sent' && job.error ? [['Reason', `${job.error.message} ${job.error.nextStep}`] as [string, string]] : []),
    ['Provider’s code', remote?.failure?.providerReason ?? (job.state === 'failed' ? 'not reported' : 'none')],
    ['Provider', account ? `${service} (${account.settings.provider === 'sinch' ? 'Fax API v3' : 'fax API'})` : 'an account since removed'],
    ['Provider fax ID', job.providerFaxId ?? 'none: the provider never held this fax'],
    ['Account', account?.name ?? 'removed'],
    ['From', remote?.from ?? 'not reported'],
    ['To', job.to],
    ['Subject', job.options.subject ?? '—'],
    ['Pages', `${sent} of ${job.pages} sent${job.firstPage ? ` (pages ${job.firstPage}–${job.firstPage + job.pages - 1} of the first fax)` : ''}`],
    ['Resolution', RESOLUTIONS[job.options.resolution ?? 'FINE']],
    ['Submitted', when(job.submittedAt)],
    ['Completed', when(job.completedAt)],
    ['Duration', duration(job.submittedAt, job.completedAt)],
    ['Attempts', String(job.attempts)],
    ['Price', remote?.price ? `${remote.price.currency} ${remote.price.amount}` : `not reported by ${service}`],
  ];
  const notes = [
    'Remote station ID (CSID): not reported by the carrier.',
    ...(remote?.from ? [] : [`Sending number: not reported by ${service}.`]),
    `Report made by Faxdesk on ${when(new Date().toISOString())}.`,
  ];
  const files = job.documentIds.map((documentId) => {
    const outgoing = deps.documents.toOutgoing(documentId);
    return { path: outgoing.path, name: outgoing.name, contentType: outgoing.contentType };
  });
  // The task reads what was sent (its hash, its first page): plain copies in the private folder, for the task only.
  const { vault } = deps.documents;
  const bytes = await vault.temp.withPlainCopies(vault.files, files.map((file) => file.path), (plain) => deps.tasks.run('report.transmission', {
    title: 'Fax transmission report', rows, notes, files: files.map((file) => ({ ...file, path: plain(file.path) })),
    ...(account?.demo ? { stamp: 'Demo — not transmitted' } : {}),
  }));
  const day = (job.completedAt ?? job.updatedAt).slice(0, 10);
  return { name: `Fax report ${day} to …${job.to.slice(-4)}.pdf`, bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength) };
}

/** The provider's latest word on the fax (its sending number, price, own failure code), when it can be asked. */
async function freshFacts(deps: ReportDeps, job: FaxJobRow, account: Account | undefined): Promise<RemoteFax | undefined> {
  if (!job.providerFaxId || !account) return undefined;
  try {
    return await (await deps.accounts.providerFor(job.accountId)).getFax(job.providerFaxId);
  } catch {
    return undefined;
  }
}
