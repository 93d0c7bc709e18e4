import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  CoverTemplateDraftSchema, type CoverFields, type CoverFit, type CoverPreview, type CoverRequest, type CoverTemplate, type CoverTemplateDraft,
} from '../../../common/domain/cover';
import type { DocumentInfo } from '../../../common/domain/document';
import { checkFaxNumber } from '../../../common/domain/phone';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { DocumentStore } from '../documents/documentStore';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { BUILT_IN_TEMPLATES } from './builtInTemplates';
import type { CoverTemplatesRepo } from './coverTemplatesRepo';

export interface CoverPagesDeps {
  repo: CoverTemplatesRepo;
  documents: DocumentStore;
  tasks: TaskRunner<CoreTasks>;
  accounts: Accounts;
  paper(): 'letter' | 'a4';
  /** The address book's name and organisation for a number: the cover greets each recipient by name. */
  contactOf?(e164: string): { name: string; organisation: string } | undefined;
}

/** The name a cover is uploaded under (never the person's subject: file names may show in a provider's portal). */
export const COVER_NAME = 'Cover page.pdf';

/**
 * Cover pages: the templates (built in, and a person's own in SQLite), and covers drawn for a fax —
 * one page per recipient, in the worker pool, stored as a document like any other so the preview
 * shows the very page that is sent.
 */
export class CoverPages {
  constructor(private readonly deps: CoverPagesDeps) {}

  templates(): CoverTemplate[] {
    return [...BUILT_IN_TEMPLATES, ...this.deps.repo.list()];
  }

  template(id: string): CoverTemplate {
    const found = BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? this.deps.repo.get(id);
    if (!found) throw AppError.of('not_found', 'That cover page template no longer exists.', { nextStep: 'Choose another template.' });
    return found;
  }

  /** Saves a person's template: new without an id (a duplicate of a built-in one, say), else changed. */
  save(input: CoverTemplateDraft): CoverTemplate {
    const draft = CoverTemplateDraftSchema.parse(input);
    const existing = draft.id ? this.template(draft.id) : undefined;
    if (existing?.builtIn) throw AppError.of('invalid_input', 'Built-in templates cannot be changed.', { nextStep: 'Duplicate it and change the copy.' });
    if (draft.logo && !isImage(draft.logo.type, draft.logo.bytes)) {
      throw AppError.of('unsupported_file', `The logo is not a ${draft.logo.type === 'png' ? 'PNG' : 'JPEG'} image.`, { nextStep: 'Choose a PNG or JPEG file.' });
    }
    const logo = draft.logo === undefined ? existing?.logo : draft.logo ?? undefined;
    const id = existing?.id ?? `user:${randomUUID()}`;
    this.deps.repo.upsert({ id, name: draft.name, layout: draft.layout, sender: draft.sender, ...(logo ? { logo } : {}) }, new Date().toISOString());
    return this.template(id);
  }

  remove(id: string): boolean {
    if (BUILT_IN_TEMPLATES.some((t) => t.id === id)) throw AppError.of('invalid_input', 'Built-in templates cannot be removed.');
    return this.deps.repo.remove(id);
  }

  /** The cover as it will be sent to `to` (or with blank recipient number), as a document the preview shows. */
  async preview(cover: CoverRequest, to: string | undefined, contentPages: number | null): Promise<CoverPreview> {
    const { info, fit } = await this.draw(cover, to, pagesLabel(contentPages));
    return { document: info, fit };
  }

  /**
   * One cover per recipient for a send, first in each fax. A message too long for one page is
   * refused here (the editor already says where it is cut): nothing is sent cut short.
   */
  async forRecipients(cover: CoverRequest, recipients: readonly string[], pages: string): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const to of recipients) {
      const { info, fit } = await this.draw(cover, to, pages);
      if (!fit.fits) {
        throw AppError.of('invalid_input', `The cover page's message is too long for one page: it is cut after “${fit.cutAfter ?? ''}”.`, {
          nextStep: 'Shorten the message, or put the long text in a document of its own.',
        });
      }
      ids.set(to, info.id);
    }
    return ids;
  }

  private async draw(cover: CoverRequest, to: string | undefined, pages: string): Promise<{ info: DocumentInfo; fit: CoverFit }> {
    const template = this.template(cover.templateId);
    const id = randomUUID();
    // Drawn in the private folder, then sealed into the store.
    return this.deps.documents.vault.temp.within(async (dir) => {
      const outputPath = join(dir, 'cover.pdf');
      const output = await this.deps.tasks.run('cover.render', {
        layout: template.layout, ...(template.logo ? { logo: template.logo } : {}), fields: fieldsFor(cover, to, to ? this.deps.contactOf?.(to) : undefined), pages,
        paper: this.deps.paper(), outputPath,
      }, { timeoutMs: 30_000 });
      const info = await this.deps.documents.addComposed(outputPath, { id, name: COVER_NAME, pages: 1, sizeBytes: output.sizeBytes, sentBytes: output.sizeBytes, sha256: output.sha256 });
      return { info, fit: output.fit };
    });
  }

  /** Cover pages stored at the account's provider (Sinch services), for `coverPageId`. */
  async serverPages(accountId: string): Promise<Array<{ id: string; name: string }>> {
    const provider = await this.deps.accounts.providerFor(accountId);
    if (!provider.capabilities.has('serverCoverPages') || !provider.listCoverPages) return [];
    return provider.listCoverPages();
  }
}

/** What the cover prints for one recipient: their name if given apart, their number, today's date when none. */
export function fieldsFor(cover: CoverRequest, to: string | undefined, contact?: { name: string; organisation: string }): CoverFields {
  const own = to ? cover.perRecipient?.[to] : undefined;
  // What the person typed for this fax wins; the address book fills what they left empty.
  const typed = cover.fields.recipient;
  const number = to ? (checkFaxNumber(to).ok ? (checkFaxNumber(to) as { display: string }).display : to) : '';
  return {
    ...cover.fields,
    recipient: {
      name: own?.name?.trim() || typed.name || contact?.name || '',
      organisation: own?.organisation?.trim() || typed.organisation || (typed.name ? '' : contact?.organisation) || '',
      fax: cover.fields.recipient.fax.trim() || number,
    },
    date: cover.fields.date.trim() || new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }),
  };
}

/** Pages of the fax counting the cover; a document the service converts has pages nobody knows yet. */
export function pagesLabel(contentPages: number | null, unknownDocuments = 0): string {
  if (contentPages === null) return '1 + a document the fax service converts';
  const known = String(contentPages + 1);
  return unknownDocuments > 0 ? `${known} + ${unknownDocuments === 1 ? 'a document' : `${unknownDocuments} documents`} the fax service converts` : known;
}

function isImage(type: 'png' | 'jpeg', bytes: Uint8Array): boolean {
  return type === 'png' ? bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 : bytes[0] === 0xff && bytes[1] === 0xd8;
}
