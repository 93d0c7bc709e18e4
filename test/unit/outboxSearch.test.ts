import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { startTestCore, waitFor, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator } from '../support/emulatorSuite';
import { addSinchAccount, fastFactory, waitForFax } from '../support/outboxKit';
import { pdfBytes } from '../support/testKit';

/** Finding a fax again: by number (however typed), subject or file name; by account, state and date. */
const sinch = useSinchEmulator({ speed: 50 });
let h: CoreHarness;
let accountId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = startTestCore({ demo: false, providerFactory: fastFactory() });
  accountId = await addSinchAccount(h, sinch.url, 'Front desk');
  const send = async (key: string, name: string, to: string, subject?: string) => {
    const doc = (await h.core.dispatch('documents.add', { name, bytes: await pdfBytes({ text: name }) })) as { value: { id: string } };
    const sent = (await h.core.dispatch('fax.send', { accountId, to: [to], documentIds: [doc.value.id], options: subject ? { subject } : {} })) as { value: OutboxJob[] };
    ids[key] = sent.value[0]!.id;
  };
  await send('referral', 'Referral Smith.pdf', '+12015550142', 'Cardiology referral');
  await send('invoice', 'Invoice 2041.pdf', '+13125550177');
  await send('busy', 'Lab results.pdf', '+19898989801');
  await waitForFax(h, ids.busy!, ['failed']);
});
afterAll(() => h.close());

const find = async (query: Record<string, unknown>) => ((await h.core.dispatch('outbox.list', query)) as { value: OutboxJob[] }).value.map((job) => job.id);

describe('outbox.list with a query', () => {
  it('finds by file name, subject, and digits of the number however they are typed', async () => {
    expect(await find({ text: 'invoice' })).toEqual([ids.invoice]);
    expect(await find({ text: 'cardiology' })).toEqual([ids.referral]);
    expect(await find({ text: '(201) 555-0142' })).toEqual([ids.referral]);
    expect(await find({ text: '0177' })).toEqual([ids.invoice]);
    expect(await find({ text: 'nothing like this' })).toEqual([]);
    expect(await find({ text: '100%_' })).toEqual([]); // LIKE wildcards are taken literally
  });

  it('filters by state, account and date, newest first', async () => {
    expect(await find({ states: ['failed'] })).toEqual([ids.busy]);
    expect(await find({ accountId })).toEqual([ids.busy, ids.invoice, ids.referral]);
    expect(await find({ accountId: 'someone-else' })).toEqual([]);
    expect(await find({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await h.core.dispatch('outbox.list', { since: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('remembers the real account a fax was last sent from, for compose', async () => {
    expect(await h.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { lastAccountId: accountId } });
  });
});

describe('account settings a send needs are checked before saving', () => {
  it('refuses a Sinch from-number that is not E.164, naming the field', async () => {
    const result = await h.core.dispatch('accounts.add', {
      name: 'Bad from', secret: 's3cret', settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k', fromNumber: '555-0100' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'settings.sinch.fromNumber': 'Enter the from-number in international form, such as +12015550100' } } });
  });
});

describe('an account that cannot be reached', () => {
  it('says when it is tried again, tries by itself, and is connected again once the service answers', async () => {
    const core = startTestCore({ demo: false, providerFactory: fastFactory(), recheckScale: 0.005 }); // 1 min → 0.3 s
    try {
      const id = await addSinchAccount(core, sinch.url, 'Flaky');
      await sinch.control.faults({ rate: 1, kinds: ['500'], pathPattern: '/v3/projects/[^/]+/services' });
      await core.core.dispatch('accounts.test', { id });
      const [retrying] = ((await core.core.dispatch('accounts.list', {})) as { value: Array<{ status: string; nextCheckAt?: string; statusMessage?: string }> }).value;
      expect(retrying).toMatchObject({ status: 'retrying', nextCheckAt: expect.any(String), statusMessage: expect.stringContaining('Sinch') });
      await sinch.control.clearFaults();
      const connected = await waitFor(async () => {
        const [account] = ((await core.core.dispatch('accounts.list', {})) as { value: Array<{ status: string; nextCheckAt?: string }> }).value;
        return account?.status === 'connected' ? account : undefined;
      }, 10_000, 'connected again by itself');
      expect(connected.nextCheckAt).toBeUndefined();
    } finally {
      await core.close();
    }
  });
});
