import { initial } from './001-initial';
import { jobDocuments } from './002-job-documents';
import { jobs } from './003-jobs';
import { normalisedDocuments } from './004-normalised-documents';
import { outboxResolutions } from './005-outbox-resolutions';
import { inbox } from './006-inbox';
import { coverTemplates } from './007-cover-templates';
import { contacts } from './008-contacts';
import { inboxCounts } from './009-inbox-counts';
import { drafts } from './010-drafts';
import { inboxActions } from './011-inbox-actions';
import { audit } from './012-audit';
import { retention } from './013-retention';
import { outboxNotes } from './014-outbox-notes';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order. The last one's version is the schema this Faxdesk writes. */
export const MIGRATIONS: readonly Migration[] = [initial, jobDocuments, jobs, normalisedDocuments, outboxResolutions, inbox, coverTemplates, contacts, inboxCounts, drafts, inboxActions, audit, retention, outboxNotes];

export const SCHEMA_VERSION = MIGRATIONS.length;
