import { afterEach, describe, expect, it } from 'vitest';
import type { Draft, DraftList } from '../../common/domain/draft';
import type { OutboxJob } from '../../common/domain/fax';
import { WelkinClient } from '../../main/core/providers/welkin/welkinClient';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import { startTestCore, waitFor, type CoreHarness } from '../support/coreKit';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { addPdf, addWelkinAccount, fastFactory, waitForFax } from '../support/outboxKit';

let open: CoreHarness[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

/** A core; `after` restarts one on the same data folder and keychain. */
const start = (after?: CoreHarness) => {
  const h = startTestCore({ demo: false, providerFactory: fastFactory({ timeoutMs: 3_000 }), ...(after ? { dataDir: after.dataDir, secretStore: after.secrets } : {}) });
  open.push(h);
  return h;
};

async function call<T>(h: CoreHarness, channel: string, input: unknown): Promise<T> {
  const result = await h.core.dispatch(channel as never, input as never);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const ADA = { id: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25', name: 'Ada Lovelace', mrn: 'MRN-1001' };

describe('drafts that survive', () => {
  it('keeps everything in compose across a restart, and its documents through the sweep', async () => {
    const first = start();
    const doc = await addPdf(first, 2);
    const saved = await call<{ id: string }>(first, 'drafts.save', {
      content: {
        recipients: [{ e164: '+12015550123', display: '+1 201 555 0123', name: 'Riverside Clinic' }], numberText: '+1 201 55',
        documentIds: [doc.id], parts: [{ kind: 'page', documentId: doc.id, page: 1, rotation: 90 }],
        cover: { mode: 'faxdesk', templateId: 'builtin:healthcare', fields: { subject: 'Referral', message: 'Two pages follow.' } },
        headerText: 'Riverside', resolution: 'FINE',
      },
    });
    // The sweep deletes documents nobody uses; a draft's stay.
    expect(await first.services.documents.sweep(-60_000)).toBe(0);
    await first.core.close();
    open = [];

    const again = start(first);
    const list = await call<DraftList>(again, 'drafts.list', {});
    expect(list.drafts).toHaveLength(1);
    expect(list.drafts[0]).toMatchObject({ id: saved.id, origin: 'faxdesk', to: ['Riverside Clinic', '+1 201 55'], subject: 'Referral', documentNames: ['letter.pdf'] });
    const draft = await call<Draft>(again, 'drafts.open', { id: saved.id });
    expect(draft.content.parts).toEqual([{ kind: 'page', documentId: doc.id, page: 1, rotation: 90 }]);
    expect(draft.content.cover).toMatchObject({ mode: 'faxdesk', templateId: 'builtin:healthcare' });
    expect(draft.content.headerText).toBe('Riverside');
    expect(draft.documents.map((d) => d.id)).toEqual([doc.id]);

    // Discarding removes the draft and the documents only it used.
    expect(await call<{ removed: boolean }>(again, 'drafts.remove', { id: saved.id })).toEqual({ removed: true });
    expect((await call<DraftList>(again, 'drafts.list', {})).drafts).toEqual([]);
    expect(await again.services.documents.content(doc.id)).toBeUndefined();
  });

  it('refuses a draft it cannot read whole, and drops documents it no longer holds', async () => {
    const h = start();
    const bad = await h.core.dispatch('drafts.save', { content: { recipients: [{ e164: '12345', display: '12345' }] } });
    expect(bad.ok).toBe(false);
    expect((await call<DraftList>(h, 'drafts.list', {})).drafts).toEqual([]);
    const gone = '00000000-0000-4000-8000-000000000000';
    const saved = await call<{ id: string }>(h, 'drafts.save', { content: { documentIds: [gone], parts: [{ kind: 'original', documentId: gone }] } });
    const draft = await call<Draft>(h, 'drafts.open', { id: saved.id });
    expect(draft.content.documentIds).toEqual([]);
    expect(draft.content.parts).toEqual([]);
    const missing = await h.core.dispatch('drafts.open', { id: 'no-such-draft' });
    expect(missing.ok === false && missing.error.code).toBe('not_found');
  });
});

describe('the Welkin draft workflow', () => {
  const welkin = useWelkinEmulator({ speed: 20 });
  const client = () => new WelkinClient({
    settings: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: welkin.url },
    secret: WELKIN_DEMO_CREDENTIALS.secret,
  });
  const serverFax = async (id: string) => (await welkin.control.faxes()).find((fax) => fax.id === id);

  it('mirrors compose as a Welkin draft with the patient, and sends that very draft', async () => {
    const h = start();
    const accountId = await addWelkinAccount(h, welkin.url);
    const one = await addPdf(h, 1);
    const two = await addPdf(h, 2);
    const content = {
      accountId, recipients: [{ e164: '+19898989898', display: '+1 989 898 9898' }], documentIds: [one.id, two.id],
      parts: [{ kind: 'page', documentId: one.id, page: 0 }], cover: { fields: { subject: 'Referral for A. Lovelace' } }, patient: ADA,
    };
    const { id } = await call<{ id: string }>(h, 'drafts.save', { content });
    const mirrored = await waitFor(async () => {
      const row = h.services.drafts.mirror && (await call<DraftList>(h, 'drafts.list', {})).drafts.find((d) => d.id === id);
      const remote = row?.onServer ? (await welkin.control.faxes()).find((fax) => fax.status === 'DRAFT' && (fax.files?.length ?? 0) === 2) : undefined;
      return remote;
    }, 15_000, 'the Welkin draft with two files');
    expect(mirrored).toMatchObject({ direction: 'OUTGOING', receiverFaxNumber: '+19898989898', subject: 'Referral for A. Lovelace', patientId: ADA.id });

    // A document removed in compose is deleted from the Welkin draft.
    await call(h, 'drafts.save', { id, content: { ...content, documentIds: [one.id] } });
    await waitFor(async () => (await serverFax(mirrored.id))?.files?.length === 1, 15_000, 'the file removed on Welkin');
    // Welkin's own drafts list shows it once, as Faxdesk's (not a second, server-only line).
    expect((await call<DraftList>(h, 'drafts.list', {})).drafts.filter((d) => d.origin === 'welkin')).toEqual([]);

    const sent = await call<OutboxJob[]>(h, 'fax.send', {
      accountId, to: ['+19898989898'], documentIds: [one.id], draftId: id, options: { subject: 'Referral for A. Lovelace', patient: ADA },
    });
    const done = await waitForFax(h, sent[0]!.id, ['sent'], 20_000);
    expect(done.providerFaxId).toBe(mirrored.id); // the person's draft went out, not a copy of it
    expect(done.patientName).toBe('Ada Lovelace');
    expect(await serverFax(mirrored.id)).toMatchObject({ patientId: ADA.id, subject: 'Referral for A. Lovelace', status: 'SENT' });
    expect((await call<DraftList>(h, 'drafts.list', {})).drafts).toEqual([]);
  });

  it('lists a draft made on Welkin, opens it with its file and patient, and deletes it there when discarded', async () => {
    const h = start();
    const accountId = await addWelkinAccount(h, welkin.url);
    const made = await client().createDraft({ receiverFaxNumber: '+12015550123', subject: 'From the Welkin web app', patientId: ADA.id });
    const doc = await addPdf(h, 3);
    await client().uploadFiles(made.id, [h.services.documents.toOutgoing(doc.id)]);
    const list = await call<DraftList>(h, 'drafts.list', {});
    const line = list.drafts.find((d) => d.origin === 'welkin');
    expect(line).toMatchObject({ accountId, to: ['+12015550123'], subject: 'From the Welkin web app', onServer: true });
    const opened = await call<Draft>(h, 'drafts.open', { id: line!.id });
    expect(opened.content.recipients).toEqual([{ e164: '+12015550123', display: '+1 201 555 0123' }]);
    expect(opened.content.patient).toMatchObject({ id: ADA.id, name: 'Ada Lovelace', mrn: 'MRN-1001' });
    expect(opened.documents).toHaveLength(1);
    expect(opened.documents[0]!.pages).toBe(3);
    expect(opened.content.parts).toHaveLength(3);
    // Opened once, it is Faxdesk's draft mirroring the Welkin one: one line, not two.
    const after = (await call<DraftList>(h, 'drafts.list', {})).drafts;
    expect(after.map((d) => [d.origin, d.id])).toEqual([['faxdesk', opened.id]]);

    await call(h, 'drafts.remove', { id: opened.id });
    await waitFor(async () => (await serverFax(made.id)) === undefined, 15_000, 'the Welkin draft deleted');
  });

  it('finds patients by name or MRN', async () => {
    const h = start();
    const accountId = await addWelkinAccount(h, welkin.url);
    expect((await call<Array<{ name: string }>>(h, 'patients.search', { accountId, text: 'hopper' })).map((p) => p.name)).toEqual(['Grace Hopper']);
    expect((await call<Array<{ name: string; mrn?: string }>>(h, 'patients.search', { accountId, text: 'MRN-1003' }))).toMatchObject([{ name: 'Alan Turing', mrn: 'MRN-1003' }]);
  });
});

describe('send later', () => {
  const welkin = useWelkinEmulator({ speed: 20 });

  it('waits for its time, can be moved or cancelled until it starts, and starts on time after a restart', async () => {
    const first = start();
    const accountId = await addWelkinAccount(first, welkin.url);
    const doc = await addPdf(first, 1);
    const sendAt = new Date(Date.now() + 4_000).toISOString();
    const [job] = await call<OutboxJob[]>(first, 'fax.send', { accountId, to: ['+19898989898'], documentIds: [doc.id], options: { sendAt } });
    expect(job).toMatchObject({ state: 'queued', scheduledFor: sendAt });
    const [other] = await call<OutboxJob[]>(first, 'fax.send', { accountId, to: ['+19898989800'], documentIds: [doc.id], options: { sendAt: new Date(Date.now() + 60 * 60_000).toISOString() } });
    expect(await call<OutboxJob>(first, 'outbox.cancel', { id: other!.id })).toMatchObject({ state: 'cancelled' });
    const later = new Date(Date.now() + 6_000).toISOString();
    expect(await call<OutboxJob>(first, 'outbox.reschedule', { id: job!.id, sendAt: later })).toMatchObject({ scheduledFor: later });
    await first.core.close();
    open = [];
    expect((await welkin.control.faxes()).filter((fax) => fax.status !== 'DRAFT')).toEqual([]);

    const again = start(first);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(later) - Date.now() - 1_500)));
    expect((await welkin.control.faxes()).filter((fax) => fax.receiverFaxNumber === '+19898989898')).toEqual([]); // not before its time
    const done = await waitForFax(again, job!.id, ['sent'], 20_000);
    expect(done.startedLateAt).toBeUndefined();
    expect((await welkin.control.faxes()).filter((fax) => fax.receiverFaxNumber === '+19898989800')).toEqual([]); // the cancelled one never went
    expect((await again.core.dispatch('outbox.cancel', { id: job!.id })).ok).toBe(false); // too late to cancel
  });

  it('a Welkin draft set to send later stays reserved for that fax: it is not offered in Drafts meanwhile', async () => {
    const h = start();
    const accountId = await addWelkinAccount(h, welkin.url);
    const doc = await addPdf(h, 1);
    const { id } = await call<{ id: string }>(h, 'drafts.save', { content: { accountId, recipients: [{ e164: '+19898989898', display: '+1 989 898 9898' }], documentIds: [doc.id] } });
    await waitFor(async () => (await call<DraftList>(h, 'drafts.list', {})).drafts.find((d) => d.id === id)?.onServer, 15_000, 'the draft on Welkin');
    await waitFor(() => h.services.drafts.mirror && h.services.jobs.byKey(`draft.sync:${id}`) === undefined, 15_000, 'the mirror done');
    await call(h, 'fax.send', { accountId, to: ['+19898989898'], documentIds: [doc.id], draftId: id, options: { sendAt: new Date(Date.now() + 60 * 60_000).toISOString() } });
    expect((await call<DraftList>(h, 'drafts.list', {})).drafts).toEqual([]);
  });

  it('refuses a time already past, and says when a fax started late because Faxdesk was not running', async () => {
    const h = start();
    const accountId = await addWelkinAccount(h, welkin.url);
    const doc = await addPdf(h, 1);
    const past = await h.core.dispatch('fax.send', { accountId, to: ['+19898989898'], documentIds: [doc.id], options: { sendAt: new Date(Date.now() - 10 * 60_000).toISOString() } });
    expect(past.ok === false && past.error.message).toBe('The time to send has already passed.');
    const [late] = await call<OutboxJob[]>(h, 'fax.send', { accountId, to: ['+19898989898'], documentIds: [doc.id], options: { sendAt: new Date(Date.now() - 90_000).toISOString() } });
    const done = await waitForFax(h, late!.id, ['sent'], 20_000);
    expect(done.startedLateAt).toBeDefined();
  });
});
