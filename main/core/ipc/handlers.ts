import type { Accounts } from '../accounts/accounts';
import type { AuditLog } from '../audit/auditLog';
import type { AppLock } from '../lock/appLock';
import type { Logger } from '../log';
import type { Contacts } from '../contacts/contacts';
import type { Desktop } from '../desktop/desktop';
import type { Drafts } from '../drafts/drafts';
import type { Updates } from '../desktop/updates';
import type { Patients } from '../patients/patients';
import type { ConnectionCheck } from '../accounts/connectionCheck';
import type { CoverPages } from '../cover/coverPages';
import type { DocumentStore } from '../documents/documentStore';
import type { Inbox } from '../inbox/inbox';
import type { FaxPrices } from '../outbox/faxPrices';
import type { Outbox } from '../outbox/outbox';
import type { AppSettingsStore } from '../settings/appSettings';
import { withAudit } from './auditHooks';
import type { Handlers } from './dispatcher';

export interface HandlerDeps {
  version: string;
  host: 'electron' | 'web-bridge';
  accounts: Accounts;
  connection: ConnectionCheck;
  documents: DocumentStore;
  outbox: Outbox;
  inbox: Inbox;
  settings: AppSettingsStore;
  covers: CoverPages;
  prices: FaxPrices;
  contacts: Contacts;
  drafts: Drafts;
  patients: Patients;
  desktop: Desktop;
  audit: AuditLog;
  lock: AppLock;
  log: Logger;
  updates: Updates;
}

/**
 * The handler table: thin calls into the core's services. Parsing happens in the dispatcher; the
 * audit log's entries are written by `withAudit` around the channels it names.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { accounts, connection, documents, outbox, inbox, settings, covers, prices } = deps;
  return withAudit({
    'app.info': () => ({ version: deps.version, host: deps.host }),
    'accounts.list': () => accounts.list(),
    'accounts.add': async (draft) => {
      const account = await accounts.add(draft);
      connection.checkSoon(account.id);
      return account;
    },
    'accounts.update': async ({ id, draft }) => {
      const account = await accounts.update(id, draft);
      connection.checkSoon(account.id);
      return account;
    },
    'accounts.remove': async ({ id }) => ({ removed: await accounts.remove(id, outbox.inFlightCount(id)) }),
    'accounts.test': ({ id }) => connection.test(id),
    'documents.add': ({ name, bytes }) => documents.addBytes(name, bytes),
    'documents.addFile': ({ path, name }) => documents.addFile(path, name),
    'documents.remove': async ({ id }) => ({ removed: await documents.remove(id) }),
    'settings.get': () => settings.get(),
    'settings.update': (change) => settings.update(change),
    'fax.send': (request) => outbox.send(request),
    'outbox.reschedule': ({ id, sendAt }) => outbox.reschedule(id, sendAt),
    'outbox.cancel': ({ id }) => outbox.cancelScheduled(id),
    'outbox.setLegalHold': ({ id, hold }) => outbox.setLegalHold(id, hold),
    'outbox.annotate': ({ id, notes, tags }) => outbox.annotate(id, { notes, tags }),
    'drafts.list': () => deps.drafts.list(),
    'drafts.save': ({ id, content }) => deps.drafts.save(id, content),
    'drafts.open': ({ id }) => deps.drafts.open(id),
    'drafts.remove': async ({ id }) => ({ removed: await deps.drafts.remove(id) }),
    'patients.search': ({ accountId, text }) => deps.patients.search(accountId, text),
    'outbox.list': (query) => outbox.list(query),
    'outbox.retry': ({ id, confirm, onlyMissingPages }) => outbox.retry(id, { confirm, onlyMissingPages }),
    'outbox.resolve': ({ ids, action }) => outbox.resolve(ids, action),
    'outbox.report': ({ id }) => outbox.report(id),
    'inbox.list': (query) => inbox.list(query),
    'inbox.counts': () => inbox.counts(),
    'inbox.get': ({ id }) => inbox.get(id), // `view` is for the audit log
    'inbox.markRead': ({ ids, value }) => inbox.mark(ids, 'read', value),
    'inbox.markReviewed': ({ ids, value }) => inbox.mark(ids, 'reviewed', value),
    'inbox.retryDocument': ({ id }) => inbox.retryDocument(id),
    ...inboxActionHandlers(inbox),
    'inbox.syncState': () => inbox.syncStates(),
    'inbox.syncNow': ({ accountId }) => { inbox.syncNow(accountId); return { started: true }; },
    'inbox.receiveTestFax': async ({ accountId }) => { await inbox.receiveTestFax(accountId); return { received: true }; },
    'cover.templates': () => covers.templates(),
    'cover.saveTemplate': (draft) => covers.save(draft),
    'cover.removeTemplate': ({ id }) => ({ removed: covers.remove(id) }),
    'cover.preview': ({ cover, to, contentPages }) => covers.preview(cover, to, contentPages),
    'cover.serverPages': ({ accountId }) => covers.serverPages(accountId),
    'fax.estimate': ({ accountId }) => prices.estimate(accountId),
    ...contactHandlers(deps.contacts),
    'compose.takeOpenRequests': () => deps.desktop.requests.take(),
    'hotFolder.writeHelpers': () => deps.desktop.writeHelpers(),
    'updates.status': () => deps.updates.current(),
    ...auditHandlers(deps.audit),
    ...lockHandlers(deps.lock),
  }, deps.audit, deps.log);
}

/** The lock's channels (issue 13, item 3); the lock writes its own audit entries. */
function lockHandlers(lock: AppLock): Pick<Handlers, Extract<keyof Handlers, `lock.${string}`>> {
  return {
    'lock.state': () => lock.state(),
    'lock.lock': () => lock.lock('shortcut'),
    'lock.unlock': ({ pin }) => lock.unlock(pin),
    'lock.setPin': ({ current, pin }) => lock.setPin(current, pin),
    'lock.activity': () => ({ locked: lock.activity() }),
  };
}

/** The audit log's channels (issue 13). */
function auditHandlers(audit: AuditLog): Pick<Handlers, Extract<keyof Handlers, `audit.${string}`>> {
  return {
    'audit.list': (query) => audit.list(query),
    'audit.verify': () => audit.verify(),
    'audit.export': async ({ from, to }) => {
      const csv = await audit.exportCsv(from, to);
      // Recorded here rather than in the hooks: the entry carries how many rows left.
      audit.record('exported', null, { from: csv.from, to: csv.to, entries: csv.entries });
      return { name: csv.name, bytes: csv.bytes };
    },
    'audit.profile': () => ({ initials: audit.profile() ?? '' }),
    'audit.setProfile': ({ initials }) => { audit.setProfile(initials); return { initials: audit.profile() ?? '' }; },
  };
}

/** The fax viewer's channels (issue 11). */
function inboxActionHandlers(inbox: Inbox): Pick<Handlers, 'inbox.setRotation' | 'inbox.annotate' | 'inbox.tags' | 'inbox.delete' | 'inbox.archive' | 'inbox.documentTypes'
  | 'inbox.fileToPatient' | 'inbox.suggestPatient' | 'inbox.export' | 'inbox.exportMany' | 'inbox.split'> {
  const { actions, files } = inbox;
  return {
    'inbox.setRotation': ({ id, rotations }) => { actions.setRotation(id, rotations); return inbox.get(id); },
    'inbox.annotate': ({ id, notes, tags }) => { actions.annotate(id, { notes, tags }); return inbox.get(id); },
    'inbox.tags': () => actions.tags(),
    'inbox.delete': async ({ id }) => { await actions.delete(id); return { deleted: true }; },
    'inbox.archive': ({ ids, value }) => { actions.archive(ids, value); return ids.flatMap((id) => { try { return [inbox.get(id)]; } catch { return []; } }); },
    'inbox.documentTypes': ({ accountId }) => actions.documentTypes(accountId),
    'inbox.fileToPatient': async ({ id, patient, documentTypeId }) => { await actions.fileToPatient(id, patient, documentTypeId); return inbox.get(id); },
    'inbox.suggestPatient': ({ id }) => actions.suggestPatient(id),
    'inbox.export': ({ id, rotated }) => files.export(id, rotated),
    'inbox.exportMany': ({ ids }) => files.exportMany(ids),
    'inbox.split': ({ id, pages }) => files.split(id, pages),
  };
}

/** The address book's channels (issue 9). */
function contactHandlers(contacts: Contacts): Pick<Handlers, Extract<keyof Handlers, `contacts.${string}` | `groups.${string}`>> {
  return {
    'contacts.list': ({ text, limit, offset }) => contacts.list(text, limit, offset),
    'contacts.search': ({ text, limit }) => contacts.search(text, limit),
    'contacts.add': (draft) => contacts.add(draft),
    'contacts.update': ({ id, change }) => contacts.update(id, change),
    'contacts.remove': ({ id }) => ({ removed: contacts.remove(id) }),
    'contacts.recents': ({ limit }) => contacts.recents(limit),
    'contacts.newNumbers': ({ numbers }) => ({ numbers: contacts.neverSent(numbers) }),
    'contacts.importPreview': ({ name, bytes }) => contacts.preview(name, bytes),
    'contacts.import': ({ previewId }) => contacts.commitImport(previewId),
    'contacts.export': ({ format }) => contacts.export(format),
    'groups.list': () => contacts.groups(),
    'groups.add': ({ name, memberIds }) => contacts.putGroup(undefined, name, memberIds),
    'groups.update': ({ id, draft }) => contacts.putGroup(id, draft.name, draft.memberIds),
    'groups.remove': ({ id }) => ({ removed: contacts.removeGroup(id) }),
  };
}
