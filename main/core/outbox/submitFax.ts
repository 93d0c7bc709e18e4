import { statusAfter } from '../accounts/connectionCheck';
import type { Accounts } from '../accounts/accounts';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import type { DocumentStore } from '../documents/documentStore';
import type { JobContext, JobResult } from '../jobs/jobRunner';
import type { Logger } from '../log';
import type { FullFaxProvider, OutgoingDocument, RemoteFax } from '../providers/faxProvider';
import { ProviderError } from '../providers/providerError';
import type { FaxJobRow } from '../store/faxJobsRepo';
import { adoptRemote, isInFlight } from './adoptRemote';
import type { FaxRecords } from './faxRecords';
import { errorInfo, type ErrorInfo } from '../../../common/errors';
import { describeError } from '../describeError';
import { coverPageData } from '../../../common/domain/cover';
import { checkFaxNumber } from '../../../common/domain/phone';

export interface FaxJobPayload {
  faxId: string;
}

export interface SubmitDeps {
  records: FaxRecords;
  documents: DocumentStore;
  accounts: Accounts;
  status: ConnectionStatus;
  log: Logger;
  /** Starts following a fax the provider now holds. */
  follow(job: FaxJobRow): void;
}

/** Sends that provably never reached the provider are tried again on their own this many times. */
export const AUTO_RETRY_RUNS = 5;
/** Asking the provider about an interrupted send: after this many unanswered tries a person decides. */
const RECONCILE_RUNS = 6;

/** Thrown to the job runner to run the job again later (Retry-After honoured). */
class TryLater extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
  }
}

/**
 * The `fax.submit` job. The fax is marked `submitting` (persisted) before the request leaves; each
 * attempt carries a reference (`<faxId>.<attempt>`) stored with the fax at the provider. A fax
 * found `submitting` when its job runs (a crash, a kill, a quit mid-request) is reconciled with the
 * provider, never sent again.
 */
export function submitFaxHandler(deps: SubmitDeps) {
  return async (context: JobContext<FaxJobPayload>): Promise<JobResult> => {
    const job = deps.records.get(context.payload.faxId);
    if (!job) return;
    if (job.state === 'submitting') return reconcileInterrupted(deps, job, context);
    if (job.state !== 'queued') return; // settled meanwhile (a person archived or resolved it)
    const waitUntil = scheduledStart(job);
    if (waitUntil !== undefined) return { runAgainAt: waitUntil };
    job.attempts += 1;
    job.state = 'submitting';
    job.submittedAt = new Date().toISOString();
    job.error = undefined;
    job.providerFaxId = undefined;
    deps.records.save(job); // from here on a crash is reconciled, not re-sent
    let provider: FullFaxProvider;
    let documents: OutgoingDocument[];
    try {
      provider = await deps.accounts.providerFor(job.accountId);
      documents = job.documentIds.map((id) => deps.documents.toOutgoing(id));
    } catch (error) {
      // Nothing was sent: no provider or document to send with.
      job.state = 'failed';
      job.error = describeError(error, { accountId: job.accountId, target: 'the fax' });
      return deps.records.save(job);
    }
    let remote: RemoteFax | undefined;
    try {
      [remote] = await provider.send({
        to: [job.to],
        documents,
        headerText: job.options.headerText,
        resolution: job.options.resolution,
        labels: { faxdeskRef: referenceOf(job) },
        clientReference: referenceOf(job),
        subject: job.options.subject,
        ...(job.options.patient ? { patientId: job.options.patient.id } : {}),
        ...(job.options.remoteDraftId ? { draftId: job.options.remoteDraftId } : {}),
        ...serverCover(job),
        // A draft (Welkin) is kept the moment it exists: a lost answer is then reconciled by reading it.
        onCreated: (providerFaxId) => {
          job.providerFaxId = providerFaxId;
          deps.records.save(job);
        },
        signal: context.signal,
      });
      if (!remote) throw new ProviderError({ code: 'provider_unavailable', message: 'The provider returned no fax.', maybeAccepted: true });
    } catch (error) {
      return afterSendError(deps, job, error, context);
    }
    settle(deps, job, remote);
    deps.status.set(job.accountId, 'connected');
  };
}

/** A scheduled fax starts this late or later only because Faxdesk was not running at its time: it says so. */
const LATE_AFTER_MS = 60_000;

/**
 * A scheduled fax whose time has not come: when to look again (a clock changed, or a runner read it
 * early). One whose time is well past is marked late, and goes now.
 */
function scheduledStart(job: FaxJobRow): number | undefined {
  if (!job.options.sendAt) return undefined;
  const at = Date.parse(job.options.sendAt);
  const now = Date.now();
  if (at > now) return at;
  if (now - at > LATE_AFTER_MS && !job.options.startedLateAt) job.options.startedLateAt = new Date(now).toISOString();
  return undefined;
}

/** Records the provider's fax and follows it while it is on its way. */
function settle(deps: SubmitDeps, job: FaxJobRow, remote: RemoteFax): void {
  adoptRemote(job, remote, deps.log);
  deps.records.save(job);
  if (isInFlight(job)) deps.follow(job);
}

async function afterSendError(deps: SubmitDeps, job: FaxJobRow, error: unknown, context: JobContext<FaxJobPayload>): Promise<void> {
  const providerError = error instanceof ProviderError ? error : undefined;
  deps.log.warn('send failed', { jobId: job.id, code: providerError?.code ?? 'internal', status: providerError?.status, maybeAccepted: providerError?.maybeAccepted });
  if (providerError) deps.status.set(job.accountId, statusAfter(providerError), describeError(providerError).message);
  if (providerError && neverReachedProvider(providerError) && context.attempt < AUTO_RETRY_RUNS) {
    // Nothing left Faxdesk (or the provider said "not now"): safe to try again without a person.
    job.state = 'queued';
    job.providerFaxId = undefined; // a draft made before the refusal was removed by the provider
    job.error = waitingError(providerError, job.accountId);
    deps.records.save(job);
    throw new TryLater(providerError.message, providerError.retryAfterMs);
  }
  const definite = providerError?.definitelyRefused === true;
  if (!definite) {
    // The provider may hold the fax after all (a 5xx after acceptance, a timeout): ask it first.
    // A fax read by the id kept when it was created (a Welkin draft) gives a sure answer; a lookup
    // by reference may not show a fax that is still being created.
    const readById = job.providerFaxId !== undefined;
    const found = await findAtProvider(deps, job);
    if (found) return settle(deps, job, found);
    // An error status with no fax at the provider is a clear "not sent". No answer at all (timeout,
    // reset) or a 2xx we could not read may still turn into a fax: a person has to check.
    const answeredWithError = providerError?.status !== undefined && providerError.status >= 400;
    if (found === undefined || (providerError?.maybeAccepted && !answeredWithError && !readById)) {
      job.state = 'uncertain';
      job.error = errorInfo('uncertain', { target: 'the fax' });
      return deps.records.save(job);
    }
  }
  job.state = 'failed';
  job.error = describeError(error, { accountId: job.accountId, target: 'the fax' });
  deps.records.save(job);
}

/** Why a fax is back in the queue: the provider's words, and that nobody needs to do anything. */
function waitingError(error: ProviderError, accountId: string): ErrorInfo {
  const info = describeError(error, { accountId, target: 'the fax' });
  const wait = error.retryAfterMs;
  const when = wait === undefined || wait < 1_000 ? 'shortly'
    : wait < 120_000 ? `in ${Math.ceil(wait / 1_000)} seconds` : `in ${Math.ceil(wait / 60_000)} minutes`;
  return { ...info, nextStep: `Nothing to do: Faxdesk will send it again on its own ${when}.`, action: { kind: 'none' } };
}

/** A 429, or a connection that failed before any byte left: the provider cannot have the fax. */
function neverReachedProvider(error: ProviderError): boolean {
  return error.status === 429 || (error.code === 'network' && !error.maybeAccepted);
}

/** A submission cut short by a crash or quit: adopt the provider's fax or mark it not sent. */
async function reconcileInterrupted(deps: SubmitDeps, job: FaxJobRow, context: JobContext<FaxJobPayload>): Promise<void> {
  const found = await findAtProvider(deps, job);
  if (found) return settle(deps, job, found);
  if (found === null) {
    job.state = 'failed';
    job.error = errorInfo('interrupted', { target: 'the fax' });
    return deps.records.save(job);
  }
  // The provider cannot be asked right now. Never re-send: ask again later, then hand it to a person.
  if (context.attempt < RECONCILE_RUNS) throw new TryLater('The provider could not be asked about an interrupted send.');
  job.state = 'uncertain';
  job.error = errorInfo('uncertain', { target: 'the fax' });
  deps.records.save(job);
}

/**
 * The fax sent for this attempt, null when the provider shows none (or only a draft that was never
 * sent, which is removed), undefined when it cannot tell. A fax whose provider id was kept as soon
 * as it existed (a Welkin draft) is read by that id; otherwise it is looked up by its reference.
 */
async function findAtProvider(deps: SubmitDeps, job: FaxJobRow): Promise<RemoteFax | null | undefined> {
  try {
    const provider = await deps.accounts.providerFor(job.accountId);
    if (job.providerFaxId) return await readKnownFax(provider, job.providerFaxId);
    if (!provider.capabilities.has('referenceLabels')) return null; // nothing can have been created without an id we kept
    const since = new Date(Date.parse(job.submittedAt ?? job.createdAt) - 60_000).toISOString();
    const matches = await provider.findByReference(referenceOf(job), since);
    return matches.find((fax) => fax.to === job.to) ?? matches[0] ?? null;
  } catch (error) {
    deps.log.warn('reconciliation failed', { jobId: job.id, error });
    return undefined;
  }
}

async function readKnownFax(provider: FullFaxProvider, id: string): Promise<RemoteFax | null> {
  let fax: RemoteFax;
  try {
    fax = await provider.getFax(id);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'not_found') return null;
    throw error;
  }
  if (fax.status !== 'draft') return fax;
  // Still a draft: it was never sent. Remove it so it cannot be sent by anyone later.
  await provider.deleteFax?.(id).catch(() => undefined);
  return null;
}

const referenceOf = (job: FaxJobRow) => `${job.id}.${job.attempts}`;

/** A cover the provider adds (Sinch): its id and this recipient's values; never in labels or the header line. */
function serverCover(job: FaxJobRow): { coverPageId?: string; coverPageData?: Record<string, string> } {
  const cover = job.options.serverCover;
  if (!cover) return {};
  const number = checkFaxNumber(job.to);
  return { coverPageId: cover.coverPageId, coverPageData: coverPageData(cover.fields, number.ok ? number.display : job.to, String(job.pages)) };
}
