import { describe, expect, it } from 'vitest';
import type { OutgoingDocument } from '../../main/core/providers/faxProvider';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { recordingFetch, welkinProviderFor } from '../support/providerKit';

// Bad input gets a clear error and changes nothing: checked before any request where the client can.

const DELIVERED = '+19898989898';
const MB = 1024 * 1024;


const suite = useWelkinEmulator();

async function pdfs(count: number): Promise<OutgoingDocument[]> {
  const one = await suite.files.pdf('page.pdf');
  return Array.from({ length: count }, () => one);
}

describe('Welkin provider: refused before any request', () => {
  it.each<[string, () => Promise<{ to: string[]; documents: OutgoingDocument[] }>, string, string | undefined, RegExp]>([
    ['an 11th file', async () => ({ to: [DELIVERED], documents: await pdfs(11) }), 'too_many_files', 'FAX_FILES_LIMIT_EXCEEDED', /at most 10 files/],
    ['101 MB in total', async () => ({ to: [DELIVERED], documents: [await suite.files.sparse('huge.pdf', 101 * MB)] }), 'files_too_large', 'FAX_FILES_SIZE_LIMIT_EXCEEDED', /at most 100 MB.*101\.0 MB/],
    ['two files over 100 MB together', async () => ({ to: [DELIVERED], documents: [await suite.files.sparse('a.pdf', 60 * MB), await suite.files.sparse('b.pdf', 41 * MB)] }), 'files_too_large', 'FAX_FILES_SIZE_LIMIT_EXCEEDED', /100 MB/],
    ['an unsupported type', async () => ({ to: [DELIVERED], documents: [await suite.files.file('scan.tiff', Buffer.from('II*\0'), 'image/tiff')] }), 'unsupported_file', 'FAX_FILE_TYPE_NOT_SUPPORTED', /PDF, JPG, PNG or DOCX/],
    ['an invalid E.164 number', async () => ({ to: ['555-1234'], documents: await pdfs(1) }), 'invalid_input', 'VALIDATION_ERROR', /not a valid fax number/],
    ['one bad number among good ones', async () => ({ to: [DELIVERED, '+0123'], documents: await pdfs(1) }), 'invalid_input', 'VALIDATION_ERROR', /\+0123/],
    ['no recipients', async () => ({ to: [], documents: await pdfs(1) }), 'invalid_input', undefined, /at least one fax number/],
    ['no documents', async () => ({ to: [DELIVERED], documents: [] }), 'invalid_input', undefined, /at least one document/],
    ['a file that is gone', async () => ({ to: [DELIVERED], documents: [{ path: `${suite.files.path}/missing.pdf`, name: 'missing.pdf', contentType: 'application/pdf', sizeBytes: 10 }] }), 'unsupported_file', undefined, /Cannot read/],
    ['an empty file', async () => ({ to: [DELIVERED], documents: [await suite.files.file('empty.pdf', new Uint8Array(), 'application/pdf')] }), 'unsupported_file', undefined, /is empty/],
  ])('refuses %s', async (_label, build, code, providerCode, message) => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    const input = await build();
    const error = await provider.send(input).then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ code, retryable: false, maybeAccepted: false, providerCode, definitelyRefused: true });
    expect((error as Error).message).toMatch(message);
    expect(log).toEqual([]);
    expect(await suite.control.faxes()).toEqual([]);
  });

  it('counts the files a draft already holds towards the limits', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    const draft = await provider.client.createDraft({ receiverFaxNumber: DELIVERED });
    const { files: attached } = await provider.client.uploadFiles(draft.id, await pdfs(10));
    log.length = 0;
    await expect(provider.client.uploadFiles(draft.id, await pdfs(1), attached))
      .rejects.toMatchObject({ code: 'too_many_files', providerCode: 'FAX_FILES_LIMIT_EXCEEDED' });
    expect(log).toEqual([]);
  });
});

describe('Welkin provider: refused by Welkin', () => {
  it('maps the 11th-file error array when the client does not know the draft’s files', async () => {
    const provider = welkinProviderFor(suite.url);
    const draft = await provider.client.createDraft({ receiverFaxNumber: DELIVERED });
    await provider.client.uploadFiles(draft.id, await pdfs(10));
    const error = await provider.client.uploadFiles(draft.id, await pdfs(1)).then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'too_many_files', status: 400, providerCode: 'FAX_FILES_LIMIT_EXCEEDED' });
    expect((await provider.client.getFax(draft.id)).files).toHaveLength(10);
  });

  it('maps Welkin’s E.164 validation of a draft', async () => {
    const provider = welkinProviderFor(suite.url);
    await expect(provider.client.createDraft({ receiverFaxNumber: '5551234567' })).rejects.toMatchObject({ code: 'invalid_input', status: 400 });
    expect(await suite.control.faxes()).toEqual([]);
  });

  it('refuses to send a draft without files or receiver, and to review an outgoing fax', async () => {
    const provider = welkinProviderFor(suite.url);
    const draft = await provider.client.createDraft({});
    await expect(provider.client.sendFax(draft.id)).rejects.toMatchObject({ code: 'invalid_input', status: 400 });
    await expect(provider.setReviewed(draft.id, true)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(provider.client.deleteFile(draft.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found', providerCode: 'FAX_FILE_NOT_FOUND' });
    expect((await suite.control.faxes()).map((fax) => fax.status)).toEqual(['DRAFT']);
  });

  it('reports unknown ids as not found', async () => {
    const provider = welkinProviderFor(suite.url);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(provider.getFax(unknown)).rejects.toMatchObject({ code: 'not_found', providerCode: 'FAX_NOT_FOUND', retryable: false });
    await expect(provider.downloadFax(unknown)).rejects.toMatchObject({ code: 'not_found' });
    await expect(provider.deleteFax(unknown)).rejects.toMatchObject({ code: 'not_found' });
    const draft = await provider.client.createDraft({});
    await expect(provider.assignToPatient(draft.id, { patientId: unknown })).rejects.toMatchObject({ code: 'not_found', providerCode: 'PATIENT_NOT_FOUND' });
    await expect(provider.downloadFax(draft.id)).rejects.toMatchObject({ code: 'not_found', provider: 'welkin' });
  });
});
