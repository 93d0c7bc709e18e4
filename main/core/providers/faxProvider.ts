import type { ProviderKind } from '../../../common/domain/account';
import type { FaxFailure } from './faxFailure';

/**
 * What an account can do. The UI shows features by capability, never by provider name.
 */
export const CAPABILITIES = [
  'multiRecipient', // one request, several numbers
  'serverDrafts', // drafts live on the server (Welkin)
  'serverCoverPages', // cover pages stored by the provider (Sinch)
  'reviewedFlag', // the provider keeps a reviewed flag (Welkin)
  'assignToPatient', // file a fax to a patient (Welkin)
  'deleteContentOnly', // delete a fax's file but keep its record (Sinch)
  'deleteFax', // delete the whole fax record (Welkin)
  'retryOnServer', // the provider can retry a failed fax itself (Welkin)
  'referenceLabels', // a reference stored with the fax finds it again after a lost answer (Sinch labels)
  'headerText',
  'resolution',
  'services', // Sinch services and numbers
  'faxToEmail',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type RemoteDirection = 'outbound' | 'inbound';
/** Domain status of a fax at the provider, mapped from the wire vocabulary. */
export type RemoteStatus = 'draft' | 'queued' | 'sending' | 'sent' | 'failed' | 'received';

export interface RemoteFax {
  id: string;
  direction: RemoteDirection;
  status: RemoteStatus;
  from?: string;
  to?: string;
  pages?: number;
  pagesSent?: number;
  createdAt: string;
  completedAt?: string;
  /** Set when `status` is failed: a code from the vocabulary, never the provider's words. */
  failure?: FaxFailure;
  hasFile: boolean;
  labels?: Record<string, string>;
  /** What the provider charged, once it knows (Sinch). */
  price?: { amount: string; currency: string };
  /** Welkin-only fields that the inbox shows when present. */
  reviewed?: boolean;
  patientId?: string;
  subject?: string;
  /** Names of the fax's files, where the provider keeps them (Welkin). */
  fileNames?: string[];
}

/** One entry of a provider's list as it came: read into a RemoteFax, or why it could not be read. */
export interface ListedEntry {
  raw: unknown;
  fax?: RemoteFax;
  problem?: string;
}

/**
 * A page of a list whose entries are read one by one (`read`), so one bad entry never spoils the
 * page, and the caller can read a long page a part at a time without holding up its event loop.
 */
export interface ListedPage {
  items: unknown[];
  read(raw: unknown): ListedEntry;
  /** 1-based. */
  page: number;
  totalPages: number;
  last: boolean;
}

/** A document on local disk. Providers stream it from `path`; they never need it in memory. */
export interface OutgoingDocument {
  path: string;
  name: string;
  contentType: string;
  /** The bytes uploaded (for a stored document: its plain size, not the sealed file's). */
  sizeBytes: number;
  /**
   * The content, when `path` holds it sealed (a stored document): uploads stream this, decrypted,
   * and take `sizeBytes` as its length. Without it the file at `path` is read as it is.
   */
  open?: () => AsyncIterable<Uint8Array>;
}

export interface SendFaxInput {
  to: string[];
  documents: OutgoingDocument[];
  from?: string;
  headerText?: string;
  resolution?: 'FINE' | 'SUPERFINE';
  /** Labels stored with the fax at the provider; the outbox puts its job id here to reconcile. */
  labels?: Record<string, string>;
  /** Faxdesk's reference for this attempt; stored with the fax where the provider has labels (referenceLabels). */
  clientReference?: string;
  /** The person's subject, where the provider keeps one (Welkin). */
  subject?: string;
  /** serverDrafts (Welkin): the patient the fax is filed to, set before it is sent. */
  patientId?: string;
  /**
   * serverDrafts: the person's draft on the server to send (the first recipient's fax), brought up
   * to date first; when it is gone or no longer a draft, a new one is made.
   */
  draftId?: string;
  /**
   * Called with the provider's id of a fax as soon as it exists, before its files are uploaded
   * and it is sent (Welkin's draft), so the caller can keep it and reconcile by reading it.
   */
  onCreated?(providerFaxId: string): void | Promise<void>;
  /** serverCoverPages: a cover page stored at the provider, and values for its fields. */
  coverPageId?: string;
  coverPageData?: Record<string, string>;
  /** Provider-side redial policy, where the provider has one (Sinch). */
  maxRetries?: number;
  retryDelaySeconds?: number;
  signal?: AbortSignal;
}

export interface ListFaxesQuery {
  direction?: RemoteDirection;
  status?: RemoteStatus;
  createdAfter?: string;
  createdBefore?: string;
  page?: number; // 1-based
  pageSize?: number;
}

export interface FaxPage {
  faxes: RemoteFax[];
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
}

export interface DownloadedFile {
  contentType: string;
  /** The body as a stream so large files never sit whole in memory. */
  body: ReadableStream<Uint8Array>;
  sizeBytes?: number;
}

export interface FaxProvider {
  readonly kind: ProviderKind;
  readonly capabilities: ReadonlySet<Capability>;
  /** Checks credentials and reachability with a cheap authenticated call. */
  testConnection(): Promise<void>;
  /** Submits a fax; returns one RemoteFax per recipient, in the order of `to`. Never retried inside. */
  send(input: SendFaxInput): Promise<RemoteFax[]>;
  getFax(id: string): Promise<RemoteFax>;
  listFaxes(query?: ListFaxesQuery): Promise<FaxPage>;
  downloadFax(id: string): Promise<DownloadedFile>;
  /**
   * Finds faxes this client sent with `labels`/`clientReference` = ref, created after `since`.
   * Used after a crash or timeout to decide whether a send reached the provider.
   */
  findByReference(ref: string, since: string): Promise<RemoteFax[]>;
}

export interface ProviderCredentials {
  /** The secret from the keychain (Sinch key secret, Welkin api-client secret). */
  secret: string;
}

export interface Patient {
  id: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  mrn?: string;
  email?: string;
  phone?: string;
}

export interface DocumentType {
  id: string;
  name: string;
  title: string;
}

/**
 * Optional operations, present exactly when the matching capability is declared. Callers check
 * `capabilities.has(...)` first; the methods exist so the core never reaches into a provider's client.
 */
export interface FaxProviderExtras {
  /** deleteContentOnly (Sinch): removes the stored document, keeps the record. */
  deleteContent?(id: string): Promise<void>;
  /** deleteFax (Welkin): removes the fax record. */
  deleteFax?(id: string): Promise<void>;
  /** reviewedFlag (Welkin). */
  setReviewed?(id: string, reviewed: boolean): Promise<RemoteFax>;
  /** assignToPatient (Welkin): incoming faxes need a document type, outgoing ones do not. */
  assignToPatient?(id: string, target: { patientId: string; documentTypeId?: string }): Promise<RemoteFax>;
  searchPatients?(query: string, page?: number): Promise<Patient[]>;
  getPatient?(id: string): Promise<Patient>;
  listDocumentTypes?(): Promise<DocumentType[]>;
  /** retryOnServer (Welkin): re-sends a FAILED fax on the provider side. */
  retry?(id: string): Promise<RemoteFax>;
  /**
   * For the inbox sync of a provider with a time filter (Sinch): faxes of `direction` created at or
   * after `createdFrom` (inclusive, an explicit window: never the provider's default one).
   */
  listCreatedSince?(query: { direction: RemoteDirection; createdFrom: string; page: number; pageSize: number; signal?: AbortSignal }): Promise<ListedPage>;
  /** serverCoverPages (Sinch): the cover pages stored with the account's service. */
  listCoverPages?(): Promise<Array<{ id: string; name: string }>>;
  /** serverDrafts (Welkin): the account's drafts kept on the server. */
  drafts?: ServerDrafts;
  /** For the inbox sync of a provider without one (Welkin): every fax, newest first. */
  listNewestFirst?(query: { page: number; pageSize: number; signal?: AbortSignal }): Promise<ListedPage>;
}

/** A draft kept on the provider's server (Welkin's draft workflow). */
export interface ServerDraft {
  id: string;
  to?: string;
  subject?: string;
  patientId?: string;
  files: Array<{ id: string; name: string; sizeBytes?: number }>;
  updatedAt: string;
}

export interface ServerDraftFields {
  to?: string;
  subject?: string;
  patientId?: string;
}

/** Create, update, attach and detach files, read, list and delete server drafts. */
export interface ServerDrafts {
  create(fields: ServerDraftFields, signal?: AbortSignal): Promise<ServerDraft>;
  update(id: string, fields: ServerDraftFields, signal?: AbortSignal): Promise<ServerDraft>;
  /** Attaches one document; answers the file id the server gave it. */
  attach(id: string, document: OutgoingDocument, signal?: AbortSignal): Promise<string>;
  detach(id: string, fileId: string, signal?: AbortSignal): Promise<void>;
  /** The draft, or undefined when it is gone or no longer a draft (sent, say). */
  get(id: string, signal?: AbortSignal): Promise<ServerDraft | undefined>;
  list(signal?: AbortSignal): Promise<ServerDraft[]>;
  download(id: string, fileId: string, signal?: AbortSignal): Promise<DownloadedFile>;
  remove(id: string, signal?: AbortSignal): Promise<void>;
}

export type FullFaxProvider = FaxProvider & FaxProviderExtras;
