import type { DocumentType, FaxPage, Patient, RemoteDirection, RemoteFax, RemoteStatus } from '../faxProvider';
import { faxFailure } from '../faxFailure';
import { welkinFailureCode } from './welkinFailureCodes';
import type { WelkinDocumentType, WelkinFax, WelkinPage, WelkinPatient } from './welkinSchemas';

const INBOUND_WORDS = new Set(['INCOMING', 'INBOUND', 'IN']);

/** Welkin says INCOMING/OUTGOING; SMS and email use IN/OUT, so accept every spelling (reference §10). */
export function toRemoteDirection(direction: string | null | undefined): RemoteDirection {
  return INBOUND_WORDS.has((direction ?? '').trim().toUpperCase()) ? 'inbound' : 'outbound';
}

const STATUS_MAP: Readonly<Record<string, RemoteStatus>> = {
  DRAFT: 'draft',
  QUEUED: 'queued',
  PROCESSING: 'sending',
  IN_PROGRESS: 'sending',
  SENT: 'sent',
  DELIVERED: 'sent',
  FAILED: 'failed',
  RECEIVED: 'received',
};

/**
 * Maps Welkin's status vocabulary. An unknown status on an outgoing fax counts as still sending
 * (keeps it polled rather than wrongly final); an incoming fax is received whatever its status.
 */
export function toRemoteStatus(status: string | null | undefined, direction: RemoteDirection): RemoteStatus {
  const known = STATUS_MAP[(status ?? '').trim().toUpperCase()];
  if (direction === 'inbound') return 'received';
  return known ?? 'sending';
}

const present = (value: string | null | undefined): string | undefined => (value == null || value === '' ? undefined : value);

export function toRemoteFax(fax: WelkinFax): RemoteFax {
  const direction = toRemoteDirection(fax.direction);
  const status = toRemoteStatus(fax.status, direction);
  const files = fax.files ?? [];
  const completedAt = status === 'sent' ? present(fax.sentAt) ?? present(fax.updatedAt)
    : status === 'failed' ? present(fax.updatedAt) ?? present(fax.sentAt)
    : status === 'received' ? present(fax.receivedAt)
    : undefined;
  const remote: RemoteFax = {
    id: fax.id,
    direction,
    status,
    // Same fields both ways: sender is the remote party on incoming faxes, our number on outgoing.
    from: present(fax.senderFaxNumber),
    to: present(fax.receiverFaxNumber),
    // On a finished fax Welkin's `pages` counts what was delivered (reference §5, emulator PROPOSAL):
    // on a failure that is the pages already sent, and the document's total is not reported.
    pages: status === 'failed' ? undefined : fax.pages ?? undefined,
    pagesSent: status === 'sent' || status === 'failed' ? fax.pages ?? undefined : undefined,
    createdAt: present(fax.createdAt) ?? present(fax.receivedAt) ?? present(fax.updatedAt) ?? new Date(0).toISOString(),
    completedAt,
    hasFile: files.length > 0,
    reviewed: direction === 'inbound' ? fax.reviewed ?? false : undefined,
    patientId: present(fax.patientId),
    subject: present(fax.subject),
    fileNames: files.map((file) => present(file.originalName)).filter((name): name is string => name !== undefined),
  };
  if (status === 'failed') {
    remote.failure = faxFailure(welkinFailureCode(fax.failureReason), remote.pagesSent, 'welkin', present(fax.failureReason) ?? 'FAILED');
  }
  return remote;
}

/** Welkin pages count from 0; the domain counts from 1. */
export function toFaxPage(page: WelkinPage<WelkinFax>): FaxPage {
  return {
    faxes: page.items.map(toRemoteFax),
    page: page.page + 1,
    pageSize: page.size,
    totalItems: page.totalItems,
    totalPages: page.totalPages,
  };
}

export function toPatient(patient: WelkinPatient): Patient {
  return {
    id: patient.id,
    firstName: present(patient.firstName),
    lastName: present(patient.lastName),
    birthDate: present(patient.birthDate),
    mrn: present(patient.mrn),
    email: present(patient.email),
    phone: present(patient.phone),
  };
}

export function toDocumentType(documentType: WelkinDocumentType): DocumentType {
  const name = present(documentType.name) ?? documentType.id;
  // `label` may be null in recorded data; the title is the display name, the technical name the last resort.
  const title = present(documentType.title) ?? present(documentType.label) ?? name;
  return { id: documentType.id, name, title };
}
