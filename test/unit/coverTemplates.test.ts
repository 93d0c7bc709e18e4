import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoverRequestInput, CoverTemplate } from '../../common/domain/cover';
import type { OutboxJob } from '../../common/domain/fax';
import { CoverTemplatesRepo } from '../../main/core/cover/coverTemplatesRepo';
import { openDatabase, schemaVersionOf } from '../../main/core/store/database';
import { FaxJobsRepo } from '../../main/core/store/faxJobsRepo';
import { MIGRATIONS } from '../../main/core/store/migrations/index';
import { readPages, sinchDocument } from '../e2e/support/sentPages';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator } from '../support/emulatorSuite';
import { addPdf, addSinchAccount, fastFactory, waitForFax } from '../support/outboxKit';
import { readDocumentContent } from '../support/documentContent';

const NOW = '2026-12-01T09:00:00.000Z';
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

describe('migration 007 (cover templates, fax prices)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'faxdesk-cover-mig-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from version 6 with faxes in it: they stay, and templates and prices can be stored', () => {
    const file = join(dir, 'faxdesk.sqlite');
    const v6 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 6) });
    v6.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('doc-a', 'a.pdf', 'pdf', 2, 100, 'pdf', 'application/pdf', 100, 'x', ?)`).run(NOW);
    v6.prepare(`INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, options_json, pages, state, attempts, created_at, updated_at)
      VALUES ('fax-1', 'fax-1', 'acct-1', '+12015550123', '{"subject":"Referral"}', 2, 'sent', 1, ?, ?)`).run(NOW, NOW);
    v6.prepare('INSERT INTO outbox_job_documents (job_id, position, document_id) VALUES (?, 0, ?)').run('fax-1', 'doc-a');
    v6.close();

    const v7 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 7) });
    expect(schemaVersionOf(v7)).toBe(7);
    expect(new FaxJobsRepo(v7).get('fax-1')).toMatchObject({ state: 'sent', documentIds: ['doc-a'], options: { subject: 'Referral' } });
    const repo = new CoverTemplatesRepo(v7);
    repo.upsert({ id: 'user:1', name: 'Ours', layout: { style: 'letterhead', logoPosition: 'right', title: 'Fax', notice: '' }, sender: { name: 'A', organisation: 'B', phone: '', fax: '' }, logo: { type: 'png', bytes: PNG } }, NOW);
    expect(repo.get('user:1')).toMatchObject({ name: 'Ours', builtIn: false, logo: { type: 'png' } });
    expect([...repo.get('user:1')!.logo!.bytes]).toEqual([...PNG]);
    // A logo needs its type; a price belongs to a fax that exists (and goes with it).
    expect(() => v7.prepare(`INSERT INTO cover_templates (id, name, layout_json, sender_json, logo, created_at, updated_at) VALUES ('x', 'x', '{}', '{}', x'00', ?, ?)`).run(NOW, NOW)).toThrow(/CHECK/);
    v7.prepare(`INSERT INTO fax_prices (fax_id, account_id, pages, amount, currency, recorded_at) VALUES ('fax-1', 'acct-1', 2, 0.14, 'USD', ?)`).run(NOW);
    expect(() => v7.prepare(`INSERT INTO fax_prices (fax_id, account_id, pages, amount, currency, recorded_at) VALUES ('nope', 'acct-1', 2, 0.14, 'USD', ?)`).run(NOW)).toThrow(/FOREIGN KEY/);
    v7.prepare("DELETE FROM outbox_jobs WHERE id = 'fax-1'").run();
    expect(v7.prepare('SELECT COUNT(*) AS n FROM fax_prices').get()).toEqual({ n: 0 });
    v7.close();
  });
});

describe('cover pages through the core', () => {
  const sinch = useSinchEmulator({ speed: 50 });
  let h: CoreHarness;
  beforeEach(() => { h = startTestCore({ providerFactory: fastFactory(), demo: false }); });
  afterEach(() => h.close());

  const call = async <T>(channel: Parameters<CoreHarness['core']['dispatch']>[0], input: unknown): Promise<T> => {
    const result = await h.core.dispatch(channel, input as never);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };

  it('lists the built-in templates; a duplicate is saved, changed (logo kept, then removed) and deleted; built-ins stay as they are', async () => {
    const templates = await call<CoverTemplate[]>('cover.templates', {});
    expect(templates.map((t) => t.id)).toEqual(['builtin:plain', 'builtin:letterhead', 'builtin:healthcare']);
    const healthcare = templates[2]!;
    expect(healthcare.layout.notice).toMatch(/protected health information/);

    const copy = await call<CoverTemplate>('cover.saveTemplate', {
      name: 'Riverside (confidential)', layout: { ...healthcare.layout, logoPosition: 'right' }, sender: { name: 'Front desk', organisation: 'Riverside Clinic', phone: '', fax: '' },
      logo: { type: 'png', bytes: PNG },
    });
    expect(copy).toMatchObject({ builtIn: false, name: 'Riverside (confidential)', logo: { type: 'png' } });
    const renamed = await call<CoverTemplate>('cover.saveTemplate', { id: copy.id, name: 'Riverside', layout: copy.layout, sender: copy.sender });
    expect(renamed).toMatchObject({ id: copy.id, name: 'Riverside', logo: { type: 'png' } });
    const noLogo = await call<CoverTemplate>('cover.saveTemplate', { id: copy.id, name: 'Riverside', layout: copy.layout, sender: copy.sender, logo: null });
    expect(noLogo.logo).toBeUndefined();
    expect((await call<CoverTemplate[]>('cover.templates', {})).map((t) => t.name)).toContain('Riverside');

    const builtInChange = await h.core.dispatch('cover.saveTemplate', { id: 'builtin:plain', name: 'Mine', layout: healthcare.layout, sender: copy.sender });
    expect(builtInChange).toMatchObject({ ok: false, error: { code: 'invalid_input', nextStep: expect.stringMatching(/Duplicate/) } });
    expect(await h.core.dispatch('cover.removeTemplate', { id: 'builtin:plain' })).toMatchObject({ ok: false });
    const badLogo = await h.core.dispatch('cover.saveTemplate', { name: 'X', layout: healthcare.layout, sender: copy.sender, logo: { type: 'png', bytes: new Uint8Array([1, 2, 3]) } });
    expect(badLogo).toMatchObject({ ok: false, error: { code: 'unsupported_file' } });
    expect(await call('cover.removeTemplate', { id: copy.id })).toEqual({ removed: true });
    expect((await call<CoverTemplate[]>('cover.templates', {}))).toHaveLength(3);
  });

  it('a preview is the page that is sent; a message too long for the page is refused at send, with where it is cut', async () => {
    const accountId = await addSinchAccount(h, sinch.url);
    const doc = await addPdf(h, 2);
    const cover: CoverRequestInput = { templateId: 'builtin:healthcare', fields: { subject: 'Referral', message: 'x '.repeat(4_000), recipient: { name: 'Jordan Lee' } } };
    const preview = await call<{ document: { id: string; pages: number }; fit: { fits: boolean; cutAfter?: string } }>('cover.preview', { cover, to: '+12015550123', contentPages: 2 });
    expect(preview.document.pages).toBe(1);
    expect(preview.fit.fits).toBe(false);
    const text = (await readPages((await readDocumentContent(h.core, preview.document.id))!))[0]!.text;
    expect(text).toContain('Jordan Lee');
    expect(text).toContain('+1 201 555 0123');
    const refused = await h.core.dispatch('fax.send', { accountId, to: ['+12015550123'], documentIds: [doc.id], options: { cover } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/too long for one page: it is cut after “/) } });
    expect(await h.core.dispatch('outbox.list', {})).toMatchObject({ ok: true, value: [] });
  });

  it('sends one cover per recipient, first in the fax and counted; learns the price per page', async () => {
    const accountId = await addSinchAccount(h, sinch.url);
    const doc = await addPdf(h, 2);
    const cover: CoverRequestInput = {
      templateId: 'builtin:healthcare',
      fields: { subject: 'Referral for J. Doe', message: 'Two pages follow.', sender: { name: 'Dr. Souza' }, recipient: { name: 'Records' } },
      perRecipient: { '+12015550124': { name: 'Dr. Okafor' } },
    };
    expect(await call('fax.estimate', { accountId })).toEqual({ pricePerPage: null, faxesSeen: 0 });
    const jobs = await call<OutboxJob[]>('fax.send', { accountId, to: ['+12015550123', '+12015550124'], documentIds: [doc.id], options: { cover, subject: 'Referral for J. Doe' } });
    expect(jobs.map((j) => [j.pages, j.hasCover, j.documents[0]!.name])).toEqual([[3, true, 'Cover page.pdf'], [3, true, 'Cover page.pdf']]);
    expect(jobs[0]!.documents[0]!.id).not.toBe(jobs[1]!.documents[0]!.id);
    for (const [job, name] of [[jobs[0]!, 'Records'], [jobs[1]!, 'Dr. Okafor']] as const) {
      const done = await waitForFax(h, job.id, ['sent'], 20_000);
      const pages = await readPages(await sinchDocument(sinch.url, done.providerFaxId!));
      expect(pages).toHaveLength(3);
      expect(pages[0]!.text).toContain(name);
      expect(pages[0]!.text).toContain('Referral for J. Doe');
      expect(pages[0]!.text).toMatch(/COVER\) 3/);
      expect(pages[1]!.text).not.toContain('Referral for J. Doe');
    }
    const estimate = await call<{ pricePerPage: { amount: number; currency: string } | null; faxesSeen: number }>('fax.estimate', { accountId });
    expect(estimate.faxesSeen).toBe(2);
    expect(estimate.pricePerPage?.amount).toBeGreaterThan(0);

  });

  it('a cover the Sinch service adds: coverPageId and this recipient\'s coverPageData, nothing of it in labels or the header line', async () => {
    const accountId = await addSinchAccount(h, sinch.url);
    const doc = await addPdf(h, 1);
    const api = `${sinch.url}/v3/projects/demo-project`;
    const auth = { Authorization: `Basic ${Buffer.from('demo-key:demo-secret').toString('base64')}`, 'Content-Type': 'application/json' };
    const services = await (await fetch(`${api}/services`, { headers: auth })).json() as { services: Array<{ id: string }> };
    const serviceId = services.services[0]!.id;
    const coverPdf = Buffer.from(await (await import('pdf-lib')).PDFDocument.create().then(async (d) => { d.addPage(); return d.save(); })).toString('base64');
    await fetch(`${api}/services/${serviceId}/coverPages`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Clinic cover', file: { fileContent: coverPdf, fileType: 'PDF' } }) });
    const listed = await call<Array<{ id: string; name: string }>>('cover.serverPages', { accountId });
    expect(listed).toEqual([{ id: expect.any(String), name: 'Clinic cover' }]);
    const [job] = await call<OutboxJob[]>('fax.send', {
      accountId, to: ['+12015550123'], documentIds: [doc.id],
      options: { headerText: 'Riverside', serverCover: { coverPageId: listed[0]!.id, fields: { subject: 'Lab results', recipient: { name: 'Dr. Okafor' } } } },
    });
    expect(job!.pages).toBe(2);
    const done = await waitForFax(h, job!.id, ['sent'], 20_000);
    const wire = await (await fetch(`${api}/faxes/${done.providerFaxId}`, { headers: auth })).json() as Record<string, unknown>;
    expect(wire).toMatchObject({ coverPageId: listed[0]!.id, coverPageData: { recipient_name: 'Dr. Okafor', subject: 'Lab results', recipient_fax: '+1 201 555 0123', pages: '2' }, headerText: 'Riverside' });
    expect(JSON.stringify(wire.labels ?? {})).not.toMatch(/Okafor|Lab results/);
  });
});
