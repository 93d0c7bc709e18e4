import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import { checkFaxNumber } from '../../common/domain/phone';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { addPdf } from '../support/outboxKit';

/**
 * One rule for fax numbers: the core refuses what the compose page refuses, with the same words
 * (both call checkFaxNumber), and a refused send queues nothing. Names with hidden characters are
 * refused, not cleaned. A real core on a real SQLite file.
 */
let h: CoreHarness;
let accountId: string;
let documentId: string;

beforeAll(async () => {
  h = startTestCore();
  const accounts = (await h.core.dispatch('accounts.list', {})) as { value: Account[] };
  accountId = accounts.value.find((a) => a.settings.provider === 'sinch')!.id;
  documentId = (await addPdf(h)).id;
});
afterAll(() => h.close());

const outbox = async () => ((await h.core.dispatch('outbox.list', {})) as { value: unknown[] }).value;
const send = (to: string[]) => h.core.dispatch('fax.send', { accountId, to, documentIds: [documentId] });

describe('the core refuses the numbers the page refuses, with the same words, and queues nothing', () => {
  it.each([
    ['premium rate, US 1-900', '+19005550100', /premium-rate/],
    ['premium rate, 976', '+19765550100', /premium-rate/],
    ['premium rate, UK 09', '+449098790000', /premium-rate/],
    ['international premium rate', '+97912345678', /premium-rate/],
    ['satellite, Iridium +8816', '+881631234567', /satellite/],
    ['satellite, Iridium +8817', '+881712345678', /satellite/],
    ['satellite, Inmarsat', '+870773111111', /satellite/],
    ['international network +882', '+882161234567', /international network/],
    ['international network +883', '+8835100000000', /international network/],
    ['emergency 911', '911', /emergency number/],
    ['emergency +1 911', '+1911', /emergency number/],
    ['emergency 112', '112', /emergency number/],
    ['emergency 999', '999', /emergency number/],
    ['a short code', '12345', /not a complete fax number/],
    ['an N11 service code', '411', /not a complete fax number/],
    ['a national number', '2015550100', /international form, \+12015550100/],
    ['not a number for its country', '+12015', /not a complete fax number/],
  ])('%s (%s)', async (_what, number, words) => {
    const result = await send([number]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(words), fields: { 'to.0': expect.any(String) } } });
    const page = checkFaxNumber(number);
    if (!page.ok) expect((result as { error: { message: string } }).error.message).toBe(page.message);
    expect(await outbox()).toEqual([]);
  });

  it('one bad number among good ones refuses the whole send: nothing half-queued', async () => {
    const result = await send(['+19898989898', '+19005550100', '+12015550100']);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'to.1': expect.stringMatching(/premium-rate/) } } });
    expect(await outbox()).toEqual([]);
  });

  it('an ordinary number is still sent', async () => {
    const result = await send(['+19898989898']);
    expect(result).toMatchObject({ ok: true, value: [{ to: '+19898989898', state: expect.any(String) }] });
  });

  it('the address book refuses the same numbers and stores nothing', async () => {
    for (const faxNumber of ['+1 900 555 0100', '+881 6 3123 4567', '911']) {
      const result = await h.core.dispatch('contacts.add', { name: 'Hotline', faxNumber });
      expect(result, faxNumber).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await h.core.dispatch('contacts.list', {})).toMatchObject({ ok: true, value: { total: 0, contacts: [] } });
  });
});

describe('names with control or text-direction characters are refused, not cleaned', () => {
  const hidden = ['Front\u0000desk', 'Front\ndesk', 'Tab\there', 'Del\u007F', 'invoice\u202Efdp.exe', 'x\u202A', 'iso\u2066late', 'pop\u2069'];

  it.each(hidden)('account name %j: refused on add and on rename; nothing stored or changed', async (name) => {
    const settings = { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k', baseUrl: 'https://fax.example.com' } };
    const before = ((await h.core.dispatch('accounts.list', {})) as { value: Account[] }).value;
    const added = await h.core.dispatch('accounts.add', { name, secret: SINCH_DEMO_CREDENTIALS.keySecret, settings });
    expect(added).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/control or text-direction characters/), fields: { name: expect.any(String) } } });
    const renamed = await h.core.dispatch('accounts.update', { id: accountId, draft: { name, settings: before.find((a) => a.id === accountId)!.settings } });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(((await h.core.dispatch('accounts.list', {})) as { value: Account[] }).value).toEqual(before);
  });

  it.each(hidden)('document name %j: refused by documents.add and documents.addFile; nothing stored', async (name) => {
    const documentsDir = join(h.dataDir, 'documents');
    const files = readdirSync(documentsDir).length;
    const bytes = new TextEncoder().encode('hello');
    expect(await h.core.dispatch('documents.add', { name, bytes })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/file name contains control/) } });
    expect(await h.core.dispatch('documents.addFile', { name, path: '/etc/hostname' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(readdirSync(documentsDir).length).toBe(files);
  });

  it('ordinary names with accents, spaces and punctuation are kept as typed', async () => {
    const added = await h.core.dispatch('documents.add', { name: 'Überweisung – Dr. Müller (2).txt', bytes: new TextEncoder().encode('hello') });
    expect(added).toMatchObject({ ok: true, value: { name: 'Überweisung – Dr. Müller (2).txt' } });
  });
});
