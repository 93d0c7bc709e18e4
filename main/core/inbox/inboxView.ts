import type { InboxFax } from '../../../common/domain/inbox';
import type { InboxRow } from '../store/inboxRepo';

/** What a person reads about a document that is not there (no names, no numbers). */
export const UNAVAILABLE_WORDS: Record<NonNullable<InboxFax['document']['problem']>, string> = {
  missing: 'Document unavailable — the fax service has no document for this fax. Retry, or ask the sender to fax it again.',
  corrupt: 'Document unavailable — the document the fax service sent is damaged. Retry, or ask the sender to fax it again.',
  failed: 'Document unavailable — it could not be downloaded. Retry when the connection is back.',
};

const present = <T>(value: T | null): T | undefined => value ?? undefined;

/** Page turns as stored; anything but a quarter turn is left out (never trust a column blindly). */
function rotationsOf(json: string): InboxFax['rotations'] {
  const turns: InboxFax['rotations'] = {};
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return turns;
    for (const [page, degrees] of Object.entries(value)) {
      if (/^\d{1,5}$/.test(page) && (degrees === 90 || degrees === 180 || degrees === 270)) turns[page] = degrees;
    }
  } catch {
    // A damaged value reads as "as received".
  }
  return turns;
}

function tagsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

/** A stored row as the window sees it, with the parts split off it. */
export function toInboxFax(row: InboxRow, isDemo: (accountId: string) => boolean, parts: InboxFax['parts'] = [], removedAt?: string): InboxFax {
  const problem = present(row.document_problem);
  return {
    id: row.id,
    accountId: row.account_id,
    direction: row.direction,
    providerId: row.provider_id,
    from: present(row.from_number),
    to: present(row.to_number),
    contactName: present(row.contact_name),
    pages: present(row.pages) ?? present(row.document_pages),
    status: row.status,
    createdAt: row.created_at,
    completedAt: present(row.completed_at),
    subject: present(row.subject),
    fileNames: row.file_names ? row.file_names.split('\n') : [],
    read: row.read === 1,
    reviewed: row.reviewed === 1,
    filedTo: present(row.filed_to),
    notes: row.notes,
    tags: tagsOf(row.tags_json),
    archived: row.archived === 1,
    demo: isDemo(row.account_id),
    document: {
      state: row.document_state,
      ...(problem ? { problem, message: UNAVAILABLE_WORDS[problem] } : {}),
      ...(row.document_sha256 ? { sha256: row.document_sha256 } : {}),
      ...(row.document_bytes !== null ? { sizeBytes: row.document_bytes } : {}),
      ...(row.document_pages !== null ? { pages: row.document_pages } : {}),
      ...(row.document_type ? { contentType: row.document_type } : {}),
    },
    rotations: rotationsOf(row.rotations_json),
    filedPatientId: present(row.filed_patient_id),
    ...(removedAt ? { removedByRetentionAt: removedAt } : {}),
    parts,
  };
}
