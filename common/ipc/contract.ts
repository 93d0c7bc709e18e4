import { z } from 'zod';
import { RetentionPeriodSchema } from '../domain/retention';
import { AccountDraftSchema, AccountSchema } from '../domain/account';
import {
  CoverPreviewInputSchema, CoverPreviewSchema, CoverTemplateDraftSchema, CoverTemplateSchema, SendEstimateSchema,
} from '../domain/cover';
import { DocumentInfoSchema, PaperSizeSchema, RotationSchema } from '../domain/document';
import { E164Schema, OutboxJobSchema, SendRequestSchema } from '../domain/fax';
import {
  InboxTagSchema, TagsSchema, InboxChangedSchema, InboxCountsSchema, InboxFaxArrivedSchema, InboxFaxSchema, InboxListSchema, InboxQuerySchema, InboxSyncStateSchema,
} from '../domain/inbox';
import { plainText } from '../domain/text';
import { ErrorInfoSchema } from '../errors';
import { AuditPageSchema, AuditProfileSchema, AuditQuerySchema, AuditRangeSchema, AuditVerifySchema } from '../domain/audit';
import { LockStateSchema, SetPinInputSchema, UnlockInputSchema } from '../domain/lock';
import { DraftContentSchema, DraftListSchema, DraftSchema } from '../domain/draft';
import { PatientSchema } from '../domain/patient';
import { UpdateStatusSchema } from '../domain/updates';
import {
  ContactChangeSchema, ContactDraftSchema, ContactSchema, GroupDraftSchema, GroupSchema, ImportPreviewSchema, RecentNumberSchema, RecipientSuggestionSchema,
} from '../domain/contact';

/** Input of a channel that takes nothing. */
const NoInput = z.object({}).strict().default({});
const IdInput = z.object({ id: z.string().min(1) }).strict();
const InboxIdsInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(1_000), value: z.boolean().default(true) }).strict();

export const AppInfoSchema = z.object({
  version: z.string(),
  /** How the page is hosted: inside Electron, or served by the dev/test bridge. */
  host: z.enum(['electron', 'web-bridge']),
});

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Why it failed, with the next step and the action that fixes it. */
  error: ErrorInfoSchema.optional(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

/** Bytes cross as a Uint8Array (structured clone in Electron, base64 in the dev bridge). */
export const BytesSchema = z.instanceof(Uint8Array);

/** A file's name as the person sees it in compose and the outbox: refused, not cleaned, when it hides characters. */
const DocumentNameSchema = plainText('The file name').min(1).max(255);

export const AddDocumentInputSchema = z.object({
  name: DocumentNameSchema,
  bytes: BytesSchema,
}).strict();

/** A file on this computer, by path (Electron's webUtils.getPathForFile; the dev bridge's upload). */
export const AddDocumentFileInputSchema = z.object({
  path: z.string().min(1).max(4096),
  name: DocumentNameSchema,
}).strict();

export const OutboxQuerySchema = z.object({
  /** Words or digits found in the number, the subject or a file name. */
  text: z.string().trim().max(200).optional(),
  accountId: z.string().min(1).optional(),
  states: z.array(z.enum(['queued', 'submitting', 'submitted', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'])).max(8).optional(),
  /** Created at or after / before these instants. */
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
}).strict().default({ limit: 500 });
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

/** Settings that are Faxdesk's, not an account's. */
export const AppSettingsSchema = z.object({
  /** Page size for images, scans and text; 'auto': Letter in North America, A4 elsewhere. */
  paperSize: PaperSizeSchema,
  /** Hide the Demo accounts (and their faxes) once real accounts are set up. */
  hideDemoAccounts: z.boolean(),
  /** How often each account's inbox is polled, in seconds (10 s – 15 min). */
  inboxPollSeconds: z.number().int().min(10).max(900),
  /** The OS notification of a new fax plays its sound (off: it shows silently). */
  newFaxSound: z.boolean(),
  /** Opening a received fax marks it read (off: only "Mark read"/"Mark unread" change it). */
  markReadOnOpen: z.boolean(),
  /** Print to fax: a PDF that appears in this folder opens compose (off by default: nothing is watched or created). */
  hotFolderEnabled: z.boolean(),
  /** Start Faxdesk when the person signs in to the computer (Windows and macOS), so faxes keep arriving. Off by default. */
  openAtLogin: z.boolean(),
  /** An absolute path (default `~/Faxdesk/Print to fax`); the core refuses any other. */
  hotFolderPath: z.string().min(1).max(4096),
  /** Retention: how long local copies of received faxes' documents are kept (records stay; nothing changes at the provider). */
  keepReceivedFor: RetentionPeriodSchema,
  /** Retention: the same for sent faxes' documents. */
  keepSentFor: RetentionPeriodSchema,
  /**
   * Lock after this many minutes without use (0: off; default 5). In effect only once a PIN is set.
   * Settings offers whole minutes; fractions down to 0.05 (3 s) are for tests.
   */
  lockAfterMinutes: z.number().min(0).max(1_440).refine((minutes) => minutes === 0 || minutes >= 0.05, 'Lock after at least 0.05 minutes, or 0 for never.'),
  /** Updates: the generic feed's address (https, or http to this computer); '' = off, the default. */
  updateFeedUrl: z.string().max(2048),
});

/** Settings plus what Faxdesk remembers for the person (read-only through settings.get). */
export const AppStateSchema = AppSettingsSchema.extend({
  /** The real account a fax was last sent from: compose starts with it. */
  lastAccountId: z.string().optional(),
  /** The office's region ("US"), from the computer's locale: numbers typed without a country code are read in it. */
  region: z.string().optional(),
});
export type AppState = z.infer<typeof AppStateSchema>;

/**
 * Files handed over by the desktop ("Open with", a second launch's arguments, macOS open-file, the
 * hot folder): already added through the documents pipeline; compose opens with them.
 */
export const ComposeOpenRequestedSchema = z.object({
  id: z.string(),
  documents: z.array(DocumentInfoSchema),
  /** The `--to` number, checked by the core. */
  to: E164Schema.optional(),
  /** What was not opened, one sentence each, naming the file by its base name. */
  refusals: z.array(z.string()),
});
export type ComposeOpenRequested = z.infer<typeof ComposeOpenRequestedSchema>;
export type AppSettings = z.infer<typeof AppSettingsSchema>;

/**
 * The one IPC contract. Every invoke channel (`domain.verb`) and every event (`domain.pastTense`)
 * is declared here and nowhere else; preload, handler table and renderer types derive from it.
 */
export const contract = {
  invoke: {
    'app.info': { input: NoInput, output: AppInfoSchema },
    'accounts.list': { input: NoInput, output: z.array(AccountSchema) },
    'accounts.add': { input: AccountDraftSchema, output: AccountSchema },
    'accounts.update': { input: z.object({ id: z.string().min(1), draft: AccountDraftSchema }).strict(), output: AccountSchema },
    'accounts.remove': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    'accounts.test': { input: IdInput, output: ConnectionTestSchema },
    'documents.add': { input: AddDocumentInputSchema, output: DocumentInfoSchema },
    'documents.addFile': { input: AddDocumentFileInputSchema, output: DocumentInfoSchema },
    'documents.remove': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    'settings.get': { input: NoInput, output: AppStateSchema },
    'settings.update': { input: AppSettingsSchema.partial().strict(), output: AppStateSchema },
    'fax.send': { input: SendRequestSchema, output: z.array(OutboxJobSchema) },
    /** Faxes, newest first; with a query, those whose number, subject or file names match it. */
    'outbox.list': { input: OutboxQuerySchema, output: z.array(OutboxJobSchema) },
    /**
     * Sends a failed or uncertain fax again. Where pages may have arrived (uncertain, partly
     * delivered) it needs `confirm` (a person checked with the recipient); `onlyMissingPages` sends
     * just the pages that did not arrive, as a new fax. Providers that retry on their side do so.
     */
    'outbox.retry': {
      input: z.object({ id: z.string().min(1), confirm: z.boolean().default(false), onlyMissingPages: z.boolean().default(false) }).strict(),
      output: OutboxJobSchema,
    },
    /** Send later: a new time for a fax that has not started (null: send it now). */
    'outbox.reschedule': { input: z.object({ id: z.string().min(1), sendAt: z.iso.datetime({ offset: true }).nullable() }).strict(), output: OutboxJobSchema },
    /** Legal hold on a sent fax: its documents are kept whatever the retention setting says (false releases it). */
    /** A note and tags on a sent fax, as on a received one (found by the Outbox's search). */
    'outbox.annotate': {
      input: z.object({ id: z.string().min(1), notes: z.string().max(5_000).optional(), tags: TagsSchema.optional() }).strict(),
      output: OutboxJobSchema,
    },
    'outbox.setLegalHold': { input: z.object({ id: z.string().min(1), hold: z.boolean() }).strict(), output: OutboxJobSchema },
    /** Cancels a fax set to send later, before it starts. */
    'outbox.cancel': { input: IdInput, output: OutboxJobSchema },
    /** Proof of delivery: the transmission report of a completed, failed or uncertain fax, as a PDF. */
    'outbox.report': { input: IdInput, output: z.object({ name: z.string(), bytes: BytesSchema }) },
    /** A person's way out: "It arrived" (they checked), or archive (out of the Outbox, kept in history). */
    'outbox.resolve': {
      input: z.object({ ids: z.array(z.string().min(1)).min(1).max(500), action: z.enum(['arrived', 'archive']) }).strict(),
      output: z.array(OutboxJobSchema),
    },
    /** One page of an inbox view (newest first by default) and how many faxes the view holds. */
    'inbox.list': { input: InboxQuerySchema, output: InboxListSchema },
    /** Unread and needs-review counts, overall and per account. */
    'inbox.counts': { input: NoInput, output: InboxCountsSchema },
    /**
     * One fax; its document (when ready) is at `window.faxdesk.files.url(id)`. `view`: a person opened
     * it (the audit log records a view); refreshes leave it out.
     */
    'inbox.get': { input: z.object({ id: z.string().min(1), view: z.boolean().default(false) }).strict(), output: InboxFaxSchema },
    'inbox.markRead': { input: InboxIdsInput, output: z.array(InboxFaxSchema) },
    'inbox.markReviewed': { input: InboxIdsInput, output: z.array(InboxFaxSchema) },
    /** "Document unavailable — retry": downloads the fax's document again. */
    'inbox.retryDocument': { input: IdInput, output: InboxFaxSchema },
    /** The viewer's page turns, kept with the fax (0-based page → degrees; an empty record: as received). */
    'inbox.setRotation': { input: z.object({ id: z.string().min(1), rotations: z.record(z.string().regex(/^\d{1,5}$/), RotationSchema) }).strict(), output: InboxFaxSchema },
    /** Notes and tags of a fax; fields left out stay as they are. */
    'inbox.annotate': { input: z.object({ id: z.string().min(1), notes: z.string().max(5_000).optional(), tags: TagsSchema.optional() }).strict(), output: InboxFaxSchema },
    /** Tags in use, most used first: suggestions for the tag field. */
    'inbox.tags': { input: NoInput, output: z.array(InboxTagSchema) },
    /**
     * Deletes a fax at its provider (Welkin: the fax; Sinch: its document, the record stays there),
     * then hides it here. Nothing changes locally when the provider refuses.
     */
    'inbox.delete': { input: IdInput, output: z.object({ deleted: z.boolean() }) },
    /** Archive instead of delete (local; `value: false` brings them back): out of the inbox, kept in history and search. */
    'inbox.archive': { input: InboxIdsInput, output: z.array(InboxFaxSchema) },
    /** The document types a Welkin account files faxes as. */
    'inbox.documentTypes': { input: z.object({ accountId: z.string().min(1) }).strict(), output: z.array(z.object({ id: z.string(), name: z.string() })) },
    /** Files a received fax to a patient's chart (Welkin `POST /faxes/{id}/assign`). */
    'inbox.fileToPatient': { input: z.object({ id: z.string().min(1), patient: PatientSchema, documentTypeId: z.string().min(1) }).strict(), output: InboxFaxSchema },
    /** The patient earlier faxes from the same number were filed to (this computer's history only), or null. */
    'inbox.suggestPatient': { input: IdInput, output: PatientSchema.nullable() },
    /**
     * The fax's document to save or print, named from date, sender and pages (never a server's name):
     * byte for byte as received, or (`rotated`) a new PDF with the viewer's page turns applied.
     * `purpose` is what the audit log records: saved, or printed (the document handed to the print dialog).
     */
    'inbox.export': {
      input: z.object({ id: z.string().min(1), rotated: z.boolean().default(false), purpose: z.enum(['save', 'print']).default('save') }).strict(),
      output: z.object({ name: z.string(), bytes: BytesSchema }),
    },
    /** Several faxes as one PDF (pages turned as shown), to print a selection in one go; faxes left out are said. */
    'inbox.exportMany': {
      input: z.object({ ids: z.array(z.string().min(1)).min(1).max(500) }).strict(),
      output: z.object({ bytes: BytesSchema, faxes: z.number().int(), pages: z.number().int(), left: z.array(z.object({ id: z.string(), reason: z.string() })) }),
    },
    /**
     * Splits pages (0-based) off into a document of their own, linked to the fax; the fax stays whole.
     * `purpose: 'forward'`: the pages go to compose as a forward (the audit log records it as forwarded).
     */
    'inbox.split': {
      input: z.object({ id: z.string().min(1), pages: z.array(z.number().int().nonnegative()).min(1).max(2_000), purpose: z.enum(['split', 'forward']).default('split') }).strict(),
      output: DocumentInfoSchema,
    },
    /** How each account's sync stands (also sent as `inbox.sync` events). */
    'inbox.syncState': { input: NoInput, output: z.array(InboxSyncStateSchema) },
    /** Poll now: one account, or every one. */
    'inbox.syncNow': { input: z.object({ accountId: z.string().min(1).optional() }).strict().default({}), output: z.object({ started: z.boolean() }) },
    /** Demo accounts only: the emulator receives one fax, and the inbox polls at once. */
    'inbox.receiveTestFax': { input: z.object({ accountId: z.string().min(1) }).strict(), output: z.object({ received: z.boolean() }) },
    /** Cover page templates: the built-in ones first, then the person's own. */
    'cover.templates': { input: NoInput, output: z.array(CoverTemplateSchema) },
    /** Saves a person's template (no id: a new one, e.g. a duplicate of a built-in one). */
    'cover.saveTemplate': { input: CoverTemplateDraftSchema, output: CoverTemplateSchema },
    'cover.removeTemplate': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    /** The cover page as it will be sent, drawn by the core: a document the preview shows, and how its text fitted. */
    'cover.preview': { input: CoverPreviewInputSchema, output: CoverPreviewSchema },
    /** Cover pages stored at the account's fax service (Sinch), added by the service itself. */
    'cover.serverPages': { input: z.object({ accountId: z.string().min(1) }).strict(), output: z.array(z.object({ id: z.string(), name: z.string() })) },
    /** The account's price per page, learnt from what its past faxes cost (null: unknown). */
    'fax.estimate': { input: z.object({ accountId: z.string().min(1) }).strict(), output: SendEstimateSchema },
    /** The address book, ranked (favourites, then recently faxed, then by name); with `text`, contacts whose name, organisation or number holds it. */
    'contacts.list': {
      input: z.object({ text: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(5_000).default(1_000), offset: z.number().int().min(0).default(0) }).strict().default({ limit: 1_000, offset: 0 }),
      output: z.object({ total: z.number().int().nonnegative(), contacts: z.array(ContactSchema) }),
    },
    /** Search-as-you-type for the recipient field: matching groups, contacts and numbers faxed before. */
    'contacts.search': {
      input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }).strict(),
      output: z.array(RecipientSuggestionSchema),
    },
    'contacts.add': { input: ContactDraftSchema, output: ContactSchema },
    /** Fields left out stay as they are. */
    'contacts.update': { input: z.object({ id: z.string().min(1), change: ContactChangeSchema }).strict(), output: ContactSchema },
    'contacts.remove': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    /** Numbers faxed before, newest first. */
    'contacts.recents': { input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict().default({ limit: 20 }), output: z.array(RecentNumberSchema) },
    /** Which of these numbers no real (non-Demo) account has faxed before: compose asks before the first fax to each. */
    'contacts.newNumbers': { input: z.object({ numbers: z.array(E164Schema).max(50) }).strict(), output: z.object({ numbers: z.array(E164Schema) }) },
    /** Reads a CSV or vCard file and answers what importing it would do; nothing is stored yet. */
    'contacts.importPreview': {
      input: z.object({ name: DocumentNameSchema, bytes: BytesSchema.refine((b) => b.byteLength <= 20 * 1024 * 1024, 'The file is larger than 20 MB') }).strict(),
      output: ImportPreviewSchema,
    },
    /** Imports the rows a preview showed, in one transaction: all or none. */
    'contacts.import': { input: z.object({ previewId: z.string().min(1) }).strict(), output: z.object({ imported: z.number().int().nonnegative() }) },
    'contacts.export': { input: z.object({ format: z.enum(['csv', 'vcard']) }).strict(), output: z.object({ name: z.string(), bytes: BytesSchema }) },
    /** Faxdesk's drafts, newest first, and the server drafts of accounts that keep them (Welkin). */
    'drafts.list': { input: NoInput, output: DraftListSchema },
    /** Autosave: the whole of compose (no id: a new draft). */
    'drafts.save': { input: z.object({ id: z.string().min(1).optional(), content: DraftContentSchema }).strict(), output: z.object({ id: z.string(), updatedAt: z.string() }) },
    /** A draft for compose; a server draft is brought in first (its files downloaded). */
    'drafts.open': { input: IdInput, output: DraftSchema },
    /** Discards a draft (its server copy too). */
    'drafts.remove': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    /** Patients of a Welkin account, by name or MRN, for the patient picker. */
    'patients.search': { input: z.object({ accountId: z.string().min(1), text: z.string().trim().max(200) }).strict(), output: z.array(PatientSchema) },
    'groups.list': { input: NoInput, output: z.array(GroupSchema) },
    'groups.add': { input: GroupDraftSchema, output: GroupSchema },
    'groups.update': { input: z.object({ id: z.string().min(1), draft: GroupDraftSchema }).strict(), output: GroupSchema },
    'groups.remove': { input: IdInput, output: z.object({ removed: z.boolean() }) },
    /**
     * Files from the desktop that compose has not opened yet, oldest first; each is answered once.
     * A launch's files arrive before the window listens, so the window asks at start and on each
     * `compose.openRequested`.
     */
    'compose.takeOpenRequests': { input: NoInput, output: z.array(ComposeOpenRequestedSchema) },
    /** The helper files that make the OS print dialog feed the hot folder (written, never run). */
    'hotFolder.writeHelpers': { input: NoInput, output: z.object({ folder: z.string(), files: z.array(z.string()) }) },
    /** The audit log, newest first: a page, within a date range (`to` exclusive) and of some actions. */
    'audit.list': { input: AuditQuerySchema.default({ limit: 50, offset: 0 }), output: AuditPageSchema },
    /** Walks the hash chain: intact (how many entries), or the first entry changed or removed. */
    'audit.verify': { input: NoInput, output: AuditVerifySchema },
    /** The entries of a date range as CSV (UTC times); the export is itself recorded. */
    'audit.export': { input: AuditRangeSchema, output: z.object({ name: z.string(), bytes: BytesSchema }) },
    /** The initials of the person at a shared desk ('' when none), written with every entry. */
    'audit.profile': { input: NoInput, output: AuditProfileSchema },
    'audit.setProfile': { input: AuditProfileSchema, output: AuditProfileSchema },
    /** Whether Faxdesk is locked (answered while locked, like every lock.* channel). */
    'lock.state': { input: NoInput, output: LockStateSchema },
    /** Locks now (Ctrl+L). Refused when no PIN is set: nobody could unlock it. */
    'lock.lock': { input: NoInput, output: LockStateSchema },
    /** Unlocks with the PIN; wrong PINs back off (3 wrong: 30 s, then doubling), across restarts. */
    'lock.unlock': { input: UnlockInputSchema, output: LockStateSchema },
    /** Sets, changes (`current` needed) or removes (`pin: null`) the PIN; only while unlocked. */
    'lock.setPin': { input: SetPinInputSchema, output: LockStateSchema },
    /** The person is using the window (sent at most every 15 s): the idle timer starts again. */
    'lock.activity': { input: NoInput, output: z.object({ locked: z.boolean() }) },
    /** Where Faxdesk stands with updates (also sent as `updates.changed`). */
    'updates.status': { input: NoInput, output: UpdateStatusSchema },
  },
  events: {
    'outbox.jobChanged': OutboxJobSchema,
    /** Faxes in the inbox were added or changed: refetch the view and the counts. */
    'inbox.changed': InboxChangedSchema,
    /** An account's sync state changed. */
    'inbox.sync': InboxSyncStateSchema,
    /** A fax arrived since the last poll (not one of a first sync's history). */
    'inbox.faxArrived': InboxFaxArrivedSchema,
    /** The person clicked the "New fax" notice: open this inbox fax. */
    'inbox.notificationClicked': z.object({ faxId: z.string() }),
    'accounts.changed': z.array(AccountSchema),
    /** A save to disk failed (Electron: a read-only or full folder): the window says so. */
    'files.saveFailed': z.object({ name: z.string(), message: z.string() }),
    /** Drafts were saved, opened, sent or discarded: refetch the Drafts list. */
    'drafts.changed': z.object({}),
    /** Contacts or groups changed: refetch what is shown. */
    'contacts.changed': z.object({}),
    /** The person clicked a notification about this fax: show it. */
    'notification.clicked': z.object({ faxId: z.string() }),
    /** Files from the desktop or the hot folder: compose opens with them (and says what was refused). */
    'compose.openRequested': ComposeOpenRequestedSchema,
    /** The hot folder could not take a file, or could not be watched: said in the window. */
    'hotFolder.refused': z.object({ message: z.string() }),
    /** Locked or unlocked, a PIN set or removed, a wrong PIN's back-off: the window follows. The one event sent while locked. */
    'lock.changed': LockStateSchema,
    /** An update is being checked, downloaded, ready to install on quit, or failed: the window says so. */
    'updates.changed': UpdateStatusSchema,
  },
} as const;

export type Contract = typeof contract;
export type InvokeChannel = keyof Contract['invoke'];
export type EventName = keyof Contract['events'];
export type InputOf<C extends InvokeChannel> = z.input<Contract['invoke'][C]['input']>;
export type ParsedInputOf<C extends InvokeChannel> = z.output<Contract['invoke'][C]['input']>;
export type OutputOf<C extends InvokeChannel> = z.output<Contract['invoke'][C]['output']>;
export type PayloadOf<E extends EventName> = z.output<Contract['events'][E]>;

export const INVOKE_CHANNELS = Object.keys(contract.invoke) as InvokeChannel[];
export const EVENT_NAMES = Object.keys(contract.events) as EventName[];
