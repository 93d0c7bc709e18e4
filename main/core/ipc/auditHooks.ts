import type { InvokeChannel, OutputOf, ParsedInputOf } from '../../../common/ipc/contract';
import type { AuditLog, AuditNote } from '../audit/auditLog';
import type { Logger } from '../log';
import type { Handlers } from './dispatcher';

type Hook<C extends InvokeChannel> = (input: ParsedInputOf<C>, output: OutputOf<C>) => AuditNote[];
type Hooks = { [C in InvokeChannel]?: Hook<C> };

const fax = (id: string) => ({ type: 'fax' as const, id });
const job = (id: string) => ({ type: 'job' as const, id });
const account = (id: string) => ({ type: 'account' as const, id });

/** A changed folder or address is logged as changed, not written out (a path names the person; the log takes flags only). */
function settingsDetail(change: ParsedInputOf<'settings.update'>) {
  const { hotFolderPath, updateFeedUrl, ...rest } = change;
  return {
    ...rest,
    ...(hotFolderPath === undefined ? {} : { hotFolderPath: 'changed' }),
    ...(updateFeedUrl === undefined ? {} : { updateFeed: updateFeedUrl.trim() === '' ? 'off' : 'on' }),
  };
}

/**
 * What each channel writes to the audit log once it has succeeded (a refused action did not happen).
 * One entry per fax, job or account acted on; details are ids, counts and flags only.
 */
export const AUDIT_HOOKS: Hooks = {
  'inbox.get': ({ id, view }) => (view ? [{ action: 'viewed', target: fax(id) }] : []),
  'inbox.export': ({ id, rotated, purpose }) => [{ action: purpose === 'print' ? 'printed' : 'saved', target: fax(id), detail: { rotated } }],
  // A selection printed in one go: one entry per fax that went to the print dialog.
  'inbox.exportMany': ({ ids }, { left }) => {
    const skipped = new Set(left.map((l) => l.id));
    return [...new Set(ids)].filter((id) => !skipped.has(id)).map((id) => ({ action: 'printed' as const, target: fax(id), detail: { selection: ids.length } }));
  },
  'inbox.split': ({ id, pages, purpose }, document) => [{
    action: purpose === 'forward' ? 'forwarded' : 'split', target: fax(id), detail: { pages: pages.length, document: document.id },
  }],
  'inbox.markReviewed': ({ ids, value }) => ids.map((id) => ({ action: 'reviewed', target: fax(id), detail: { value } })),
  'inbox.archive': ({ ids, value }) => ids.map((id) => ({ action: 'archived', target: fax(id), detail: { value } })),
  'inbox.delete': ({ id }, { deleted }) => (deleted ? [{ action: 'deleted', target: fax(id) }] : []),
  'inbox.fileToPatient': ({ id, patient, documentTypeId }) => [{ action: 'filed', target: fax(id), detail: { patient: patient.id, documentType: documentTypeId } }],
  'fax.send': (_input, jobs) => jobs.map((sent) => ({
    action: 'sent', target: job(sent.id), detail: { account: sent.accountId, pages: sent.pages, scheduled: sent.scheduledFor ? true : undefined },
  })),
  'outbox.retry': ({ id, onlyMissingPages }, retried) => [{
    action: 'retried', target: job(id), detail: { newJob: retried.id === id ? undefined : retried.id, onlyMissingPages: onlyMissingPages || undefined },
  }],
  'outbox.setLegalHold': ({ id, hold }) => [{ action: 'legal_hold', target: job(id), detail: { value: hold } }],
  // The names of what changed and their values: settings are enums, numbers and flags, never PHI.
  'settings.update': (change) => [{ action: 'settings_changed', detail: settingsDetail(change) }],
  'accounts.add': (_draft, added) => [{ action: 'account_added', target: account(added.id), detail: { provider: added.settings.provider } }],
  'accounts.update': ({ id }) => [{ action: 'account_updated', target: account(id) }],
  'accounts.remove': ({ id }, { removed }) => (removed ? [{ action: 'account_removed', target: account(id) }] : []),
  'audit.setProfile': () => [{ action: 'profile_changed' }],
};

/** Wraps the audited channels' handlers: the entries are written after the handler succeeded. */
export function withAudit(handlers: Handlers, audit: AuditLog, log: Logger): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [channel, hook] of Object.entries(AUDIT_HOOKS) as Array<[InvokeChannel, (input: unknown, output: unknown) => AuditNote[]]>) {
    const handler = handlers[channel] as (input: unknown) => unknown;
    wrapped[channel] = async (input: unknown) => {
      const output = await handler(input);
      try {
        audit.recordAll(hook(input, output));
      } catch (error) {
        // The action happened; failing it now would mislead. The gap is logged loudly instead.
        log.error('audit entry could not be written', { channel, error });
      }
      return output;
    };
  }
  return wrapped as Handlers;
}
