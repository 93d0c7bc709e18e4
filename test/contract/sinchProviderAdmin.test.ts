import { beforeEach, describe, expect, it } from 'vitest';
import type { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { useSinchEmulator } from '../support/emulatorSuite';
import { sinchProviderFor } from '../support/providerKit';


let provider: SinchProvider;

const suite = useSinchEmulator({ speed: 1000 });
beforeEach(() => {
  provider = sinchProviderFor(suite.url);
});

describe('Sinch provider: capabilities', () => {
  it('declares exactly the Sinch capabilities', () => {
    expect([...provider.capabilities].sort()).toEqual(
      ['deleteContentOnly', 'faxToEmail', 'headerText', 'multiRecipient', 'referenceLabels', 'resolution', 'serverCoverPages', 'services'],
    );
    expect(provider.deleteContent).toBeTypeOf('function');
  });
});

describe('Sinch provider: services', () => {
  it('lists, gets, creates, updates, removes services and lists their numbers', async () => {
    const initial = await provider.admin.services.list();
    const defaultService = initial.items.find((service) => service.isDefault);
    expect(defaultService).toBeDefined();

    const created = await provider.admin.services.create({ name: 'Front desk', numberOfRetries: 2, resolution: 'FINE', defaultFrom: '+12015550100' });
    expect(created).toMatchObject({ name: 'Front desk', numberOfRetries: 2, isDefault: false });
    expect(await provider.admin.services.get(created.id)).toMatchObject({ id: created.id, name: 'Front desk' });

    const updated = await provider.admin.services.update(created.id, { name: 'Back office', retryDelaySeconds: 120 });
    expect(updated).toMatchObject({ id: created.id, name: 'Back office', retryDelaySeconds: 120, numberOfRetries: 2 });

    const paged = await provider.admin.services.list({ pageSize: 1, page: 2 });
    expect(paged).toMatchObject({ page: 2, totalItems: initial.totalItems + 1 });
    expect(paged.items).toHaveLength(1);

    const numbers = await provider.admin.services.numbers(defaultService?.id);
    expect(numbers.items.map((number) => number.number)).toContain('+12015550100');

    await provider.admin.services.remove(created.id);
    await expect(provider.admin.services.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rejects a service name over 60 characters before any request', async () => {
    await expect(provider.admin.services.create({ name: 'x'.repeat(61) })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('Sinch provider: cover pages', () => {
  it('adds, lists, gets and deletes cover pages on the default service', async () => {
    const pdf = await suite.files.pdf('cover.pdf');
    const added = await provider.admin.coverPages.add('Standard cover', pdf.path);
    expect(added).toMatchObject({ name: 'Standard cover' });
    expect(added.id).toBeTruthy();
    await provider.admin.coverPages.add('Second cover', pdf.path);

    const listed = await provider.admin.coverPages.list(undefined, { pageSize: 1 });
    expect(listed).toMatchObject({ totalItems: 2, totalPages: 2 });
    expect(await provider.admin.coverPages.get(added.id)).toMatchObject({ id: added.id, name: 'Standard cover' });

    await provider.admin.coverPages.delete(added.id);
    await expect(provider.admin.coverPages.get(added.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await provider.admin.coverPages.list()).totalItems).toBe(1);
  });

  it('refuses a cover page that is not a PDF', async () => {
    const text = await suite.files.file('cover.txt', Buffer.from('hello'), 'text/plain');
    await expect(provider.admin.coverPages.add('Text', text.path)).rejects.toMatchObject({ code: 'invalid_input' });
    const fake = await suite.files.file('fake.pdf', Buffer.from('not a pdf'), 'application/pdf');
    await expect(provider.admin.coverPages.add('Fake', fake.path)).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await provider.admin.coverPages.list()).totalItems).toBe(0);
  });
});

describe('Sinch provider: fax-to-email', () => {
  it('adds, lists, updates, removes addresses and lists numbers per address and addresses per number', async () => {
    const email = 'front.desk+fax@clinic.example';
    const added = await provider.admin.faxToEmail.add(email, [{ number: '+12015550100', permissions: 'both' }]);
    expect(added).toMatchObject({ email, numbers: [{ number: '+12015550100', permissions: 'both' }] });

    const listed = await provider.admin.faxToEmail.list();
    expect(listed.items.map((entry) => entry.email)).toEqual([email]);

    // The `+` in the address and in the number must survive path encoding.
    const emails = await provider.admin.faxToEmail.emailsForNumber('+12015550100');
    expect(emails.items).toEqual([email]);
    const numbers = await provider.admin.faxToEmail.numbersForEmail(email);
    expect(numbers.items.map((number) => number.number)).toEqual(['+12015550100']);

    const updated = await provider.admin.faxToEmail.update(email, [{ number: '+12015550100', permissions: 'send' }]);
    expect(updated.numbers).toEqual([{ number: '+12015550100', permissions: 'send' }]);

    await provider.admin.faxToEmail.remove(email);
    expect((await provider.admin.faxToEmail.list()).items).toEqual([]);
  });

  it('rejects a bad address or number before any request', async () => {
    await expect(provider.admin.faxToEmail.add('not-an-email', [{ number: '+12015550100' }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(provider.admin.faxToEmail.add('a@b.example', [{ number: '555' }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(provider.admin.faxToEmail.add('a@b.example', [])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
