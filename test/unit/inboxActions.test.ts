import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../common/domain/document';
import type { InboxCounts, InboxFax, InboxList } from '../../common/domain/inbox';
import type { SinchControlFax } from '../../main/emulators/sinch/wire';
import { documentPath } from '../../main/core/inbox/documentDownload';
import { call, refusal, syncedFaxes } from '../support/inboxActionsKit';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { inboxList, startInboxCore, type InboxHarness } from '../support/inboxKit';
import { readDocumentContent } from '../support/documentContent';

/**
 * The fax viewer's actions on a Sinch account, against the emulator over HTTP with a real SQLite
 * file: page turns kept, notes and tags found by search, export byte for byte or turned, split
 * into a document of its own, delete at the provider (the file only, as Sinch does), and the bad
 * inputs of each (a page that does not exist, a document gone at the provider, a damaged copy).
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });
let harness: InboxHarness | undefined;
afterEach(async () => { await harness?.h.close(); harness = undefined; });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const SENDER = '+14155552100';

async function start(): Promise<InboxHarness> {
  harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url });
  return harness;
}

/** `pages`-page faxes received at the Sinch emulator, synced and downloaded; keyed by provider id. */
async function received(pagesEach: number[], from = SENDER): Promise<InboxFax[]> {
  const ids: string[] = [];
  for (const pages of pagesEach) ids.push(((await sinch.control.inbound({ from, to: '+12015550100', pages })) as { id: string }).id);
  const faxes = await syncedFaxes(harness!.h, harness!.sinch, ids.length);
  return ids.map((id) => faxes.get(id)!);
}

const rotationsOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPages().map((page) => page.getRotation().angle);

describe('inbox actions (Sinch)', () => {
  it('keeps page turns, refuses a page that does not exist, and exports as received (same SHA-256) or turned', async () => {
    const { h } = await start();
    const [fax] = await received([3]);
    expect(fax!.rotations).toEqual({});
    const changes: unknown[] = [];
    h.core.events.subscribe((event, payload) => { if (event === 'inbox.changed') changes.push(payload); });

    const turned = await call<InboxFax>(h, 'inbox.setRotation', { id: fax!.id, rotations: { 0: 90, 1: 0, 2: 270 } });
    expect(turned.rotations).toEqual({ 0: 90, 2: 270 });
    expect(changes).toEqual([{ faxIds: [fax!.id], more: false, reason: 'local' }]);
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).rotations).toEqual({ 0: 90, 2: 270 });

    const beyond = await refusal(h, 'inbox.setRotation', { id: fax!.id, rotations: { 0: 180, 3: 90 } });
    expect(beyond.code).toBe('invalid_input');
    expect(beyond.message).toMatch(/3 pages; page 4 cannot be turned/);
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).rotations).toEqual({ 0: 90, 2: 270 }); // unchanged

    const asReceived = await call<{ name: string; bytes: Uint8Array }>(h, 'inbox.export', { id: fax!.id });
    expect(sha256(asReceived.bytes)).toBe(fax!.document.sha256);
    expect(asReceived.name).toMatch(/^Fax \d{4}-\d{2}-\d{2} \d{4} from \+1 415 555 2100, 3 pages\.pdf$/);
    const created = new Date(fax!.createdAt);
    expect(asReceived.name).toContain(`${created.getFullYear()}-${String(created.getMonth() + 1).padStart(2, '0')}-${String(created.getDate()).padStart(2, '0')}`);

    const rotated = await call<{ name: string; bytes: Uint8Array }>(h, 'inbox.export', { id: fax!.id, rotated: true });
    expect(rotated.name).toMatch(/, 3 pages \(turned\)\.pdf$/);
    const before = await rotationsOf(asReceived.bytes);
    expect(await rotationsOf(rotated.bytes)).toEqual([(before[0]! + 90) % 360, before[1], (before[2]! + 270) % 360]);
    // The fax's own document is untouched.
    expect(sha256(await h.services.documents.vault.files.readAll(documentPath(h.services.inbox.folder, fax!.id)))).toBe(fax!.document.sha256);
  }, 60_000);

  it('notes and tags: trimmed, repeats dropped whatever their case, found by search; tags in use counted, most used first', async () => {
    const { h } = await start();
    const [a, b] = await received([1, 1]);
    const annotated = await call<InboxFax>(h, 'inbox.annotate', { id: a!.id, notes: '  Call Dr Okafor back  ', tags: [' Urgent ', 'urgent', 'Billing'] });
    expect(annotated).toMatchObject({ notes: 'Call Dr Okafor back', tags: ['Urgent', 'Billing'] });
    await call<InboxFax>(h, 'inbox.annotate', { id: b!.id, tags: ['URGENT'] });
    // Notes left out stay as they were.
    const onlyNotes = await call<InboxFax>(h, 'inbox.annotate', { id: a!.id, notes: 'Called back' });
    expect(onlyNotes).toMatchObject({ notes: 'Called back', tags: ['Urgent', 'Billing'] });

    const tags = await call<Array<{ tag: string; count: number }>>(h, 'inbox.tags');
    expect(tags).toEqual([{ tag: expect.stringMatching(/^urgent$/i) as unknown as string, count: 2 }, { tag: 'Billing', count: 1 }]);
    expect((await inboxList(h, { text: 'urgent' })).rows.map((row) => row.id).sort()).toEqual([a!.id, b!.id].sort());
    expect((await inboxList(h, { text: 'billing' })).rows.map((row) => row.id)).toEqual([a!.id]);
    expect((await inboxList(h, { text: 'called' })).rows.map((row) => row.id)).toEqual([a!.id]);

    const tooMany = await refusal(h, 'inbox.annotate', { id: a!.id, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) });
    expect(tooMany.code).toBe('invalid_input');
  }, 60_000);

  it('splits pages into a document of their own, linked to the fax; the fax stays whole; bad page lists are refused', async () => {
    const { h } = await start();
    const [fax] = await received([4]);
    const part = await call<DocumentInfo>(h, 'inbox.split', { id: fax!.id, pages: [1, 2] });
    expect(part).toMatchObject({ name: 'Pages 2–3 of fax from +1 415 555 2100', pages: 2, kind: 'pdf' });
    const bytes = (await readDocumentContent(h.core, part.id))!;
    expect(sha256(bytes)).toBe(part.sha256);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    const after = await call<InboxFax>(h, 'inbox.get', { id: fax!.id });
    expect(after.parts).toEqual([{ documentId: part.id, name: part.name, pages: [1, 2] }]);
    expect(after.document.sha256).toBe(fax!.document.sha256);
    expect(sha256(await h.services.documents.vault.files.readAll(documentPath(h.services.inbox.folder, fax!.id)))).toBe(fax!.document.sha256);
    expect((await inboxList(h, {})).rows.find((row) => row.id === fax!.id)!.parts).toHaveLength(1);
    // The document sweep keeps a part (it is in use), however old.
    expect(await h.services.documents.sweep(-60_000)).toBe(0);
    expect(await h.core.documentContent(part.id)).toBeDefined();

    const single = await call<DocumentInfo>(h, 'inbox.split', { id: fax!.id, pages: [3] });
    expect(single.name).toBe('Page 4 of fax from +1 415 555 2100');
    for (const pages of [[4], [1, 1]]) {
      const refused = await refusal(h, 'inbox.split', { id: fax!.id, pages });
      expect(refused.code).toBe('invalid_input');
    }
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).parts).toHaveLength(2);
  }, 60_000);

  it('a damaged copy of the document: turned export and split say so clearly; export as received refuses it and offers a new download', async () => {
    const { h } = await start();
    const [fax] = await received([2]);
    // Sealed as Faxdesk keeps files (so it verifies), but not the PDF it was: pdf-lib cannot read it. (A file that fails to verify: crypto/encryptedAtRest.test.ts.)
    await h.services.documents.vault.files.write(documentPath(h.services.inbox.folder, fax!.id), Buffer.from('%PDF-1.7\nthis is not a PDF any more'));
    for (const [channel, input] of [['inbox.export', { id: fax!.id, rotated: true }], ['inbox.split', { id: fax!.id, pages: [0] }]] as const) {
      const refused = await refusal(h, channel, input);
      expect(refused.code).toBe('unsupported_file');
      expect(refused.message).toMatch(/document is damaged/);
    }
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).parts).toEqual([]);
    const asReceived = await refusal(h, 'inbox.export', { id: fax!.id });
    expect(asReceived).toMatchObject({ code: 'not_found', message: expect.stringMatching(/saved copy .* is damaged/) as unknown as string });
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).document).toMatchObject({ state: 'unavailable', problem: 'corrupt' });
  }, 60_000);

  it('deletes the fax\'s file at Sinch (hasFile false), then hides it here and drops its copy; counts follow', async () => {
    const { h } = await start();
    const [fax, other] = await received([1, 2]);
    expect((await call<InboxCounts>(h, 'inbox.counts')).total).toBe(2);
    expect(await call(h, 'inbox.delete', { id: fax!.id })).toEqual({ deleted: true });
    const held = (await sinch.control.faxes()) as SinchControlFax[];
    expect(held.find((remote) => remote.id === fax!.providerId)).toMatchObject({ hasFile: false });
    expect(held.find((remote) => remote.id === other!.providerId)).toMatchObject({ hasFile: true });
    expect((await inboxList(h, {})).rows.map((row) => row.id)).toEqual([other!.id]);
    expect((await call<InboxCounts>(h, 'inbox.counts')).total).toBe(1);
    expect((await refusal(h, 'inbox.get', { id: fax!.id })).code).toBe('not_found');
    expect(await h.core.documentContent(fax!.id)).toBeUndefined();
    // A later poll sees the record (Sinch keeps it) and does not bring the fax back.
    await syncedFaxes(h, harness!.sinch, 1);
    expect((await inboxList(h, {})).total).toBe(1);
  }, 60_000);

  it('a document already gone at the provider: export says it is unavailable; delete still hides the fax', async () => {
    const { h } = await start();
    const id = ((await sinch.control.inbound({ from: SENDER, to: '+12015550100', pages: 1 })) as { id: string }).id;
    await (await h.services.accounts.providerFor(harness!.sinch)).deleteContent!(id);
    const fax = (await syncedFaxes(h, harness!.sinch, 1)).get(id)!;
    expect(fax.document).toMatchObject({ state: 'unavailable', problem: 'missing' });
    for (const rotated of [false, true]) {
      const refused = await refusal(h, 'inbox.export', { id: fax.id, rotated });
      expect(refused).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^Document unavailable — the fax service has no document/) as unknown as string });
    }
    expect((await refusal(h, 'inbox.split', { id: fax.id, pages: [0] })).code).toBe('not_found');
    expect(await call(h, 'inbox.delete', { id: fax.id })).toEqual({ deleted: true });
    expect((await call<InboxList>(h, 'inbox.list', {})).total).toBe(0);
  }, 60_000);

  it('prints a selection as one PDF: every page of each fax in order, turned as shown; a fax without its document is left out and said', async () => {
    const { h } = await start();
    const [a, b] = await received([2, 3]);
    await call(h, 'inbox.setRotation', { id: b!.id, rotations: { 1: 90 } });
    const goneId = ((await sinch.control.inbound({ from: SENDER, to: '+12015550100', pages: 1 })) as { id: string }).id;
    await (await h.services.accounts.providerFor(harness!.sinch)).deleteContent!(goneId);
    const gone = (await syncedFaxes(h, harness!.sinch, 3)).get(goneId)!;

    const both = await call<{ bytes: Uint8Array; faxes: number; pages: number; left: unknown[] }>(h, 'inbox.exportMany', { ids: [a!.id, b!.id, gone.id] });
    expect(both).toMatchObject({ faxes: 2, pages: 5 });
    expect(both.left).toEqual([{ id: gone.id, reason: expect.stringMatching(/^Document unavailable/) }]);
    const own = [...await rotationsOf((await call<{ bytes: Uint8Array }>(h, 'inbox.export', { id: a!.id })).bytes), ...await rotationsOf((await call<{ bytes: Uint8Array }>(h, 'inbox.export', { id: b!.id })).bytes)];
    expect(await rotationsOf(both.bytes)).toEqual(own.map((angle, i) => (i === 3 ? (angle + 90) % 360 : angle)));

    // Nothing printable: refused, nothing made.
    expect(await refusal(h, 'inbox.exportMany', { ids: [gone.id] })).toMatchObject({ code: 'not_found' });
    expect((await refusal(h, 'inbox.exportMany', { ids: [] })).code).toBe('invalid_input');
  }, 60_000);

  it('the address book names the sender: in the list and in search, following each change to the contact', async () => {
    const { h } = await start();
    const contact = await call<{ id: string }>(h, 'contacts.add', { name: '', organisation: 'Lakeshore Imaging', faxNumber: '+1 415 555 2100' });
    const [fax] = await received([1]);
    expect(fax!.contactName).toBe('Lakeshore Imaging');
    expect((await inboxList(h, { text: 'lakeshore' })).total).toBe(1);
    await call(h, 'contacts.update', { id: contact.id, change: { name: 'Dr. Imani Adeyemi' } });
    await expect.poll(async () => (await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).contactName).toBe('Dr. Imani Adeyemi');
    expect((await inboxList(h, { text: 'adeyemi' })).total).toBe(1);
    await call(h, 'contacts.remove', { id: contact.id });
    await expect.poll(async () => (await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).contactName ?? null).toBe(null);
    expect((await inboxList(h, { text: 'adeyemi' })).total).toBe(0);
  }, 60_000);

  it('a Sinch fax cannot be filed to a patient; reviewed stays local', async () => {
    const { h } = await start();
    const [fax] = await received([1]);
    const refused = await refusal(h, 'inbox.fileToPatient', { id: fax!.id, patient: { id: 'p', name: 'Ada' }, documentTypeId: 'x' });
    expect(refused.code).toBe('invalid_input');
    await sinch.control.resetRequests();
    await call(h, 'inbox.markReviewed', { ids: [fax!.id] });
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).reviewed).toBe(true);
    expect(h.services.jobs.byKey(`inbox.writeReviewed:${fax!.id}`)).toBeUndefined();
    expect((await sinch.control.requests()).total).toBe(0);
  }, 60_000);
});
