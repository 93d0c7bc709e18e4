import { describe, expect, it } from 'vitest';
import { SINCH_TEST_NUMBERS } from '../../main/emulators/sinch/index';
import { useSinchEmulator } from '../support/emulatorSuite';
import { apiJson, jsonInit, sendJsonFax, type WireFax } from '../support/sinchApi';
import { pdfBuffer } from '../support/testKit';

const h = useSinchEmulator({ speed: 0 });

async function get(id: string): Promise<WireFax> {
  return (await apiJson<WireFax>(h.url, `/faxes/${id}`)).body;
}

async function sendPages(to: string, pages: number): Promise<WireFax> {
  const pdf = await pdfBuffer({ pages });
  const { body } = await apiJson<WireFax>(h.url, '/faxes', jsonInit('POST', { to, files: [{ file: pdf.toString('base64'), fileType: 'PDF' }] }));
  return body;
}

describe('Sinch emulator: lifecycle', () => {
  it('goes QUEUED → IN_PROGRESS (page by page) → COMPLETED on virtual time', async () => {
    const fax = await sendPages('+12015555555', 3);
    expect(fax.status).toBe('QUEUED');
    await h.control.advance(1_000);
    expect(await get(fax.id)).toMatchObject({ status: 'IN_PROGRESS', numberOfPages: 3, pagesSentSuccessfully: 0 });
    await h.control.advance(2_000);
    expect(await get(fax.id)).toMatchObject({ status: 'IN_PROGRESS', pagesSentSuccessfully: 2 });
    await h.control.advance(1_000);
    const done = await get(fax.id);
    expect(done).toMatchObject({ status: 'COMPLETED', numberOfPages: 3, pagesSentSuccessfully: 3, price: { currencyCode: 'USD', amount: '0.2100' } });
    expect(Date.parse(String(done.completedTime)) - Date.parse(String(done.createTime))).toBeGreaterThanOrEqual(3_000);
    expect(done.errorCode).toBeUndefined();
  });

  it('completes a one-page fax within a few seconds at speed 1, and faster at a higher speed', async () => {
    await h.control.clock({ speed: 1 });
    const slow = await sendJsonFax(h.url, { to: '+12015555555' });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect((await get(slow.id)).status).toBe('COMPLETED');
    await h.control.clock({ speed: 50 });
    const fast = await sendJsonFax(h.url, { to: '+12015555555' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await get(fast.id)).status).toBe('COMPLETED');
  });

  it('freezes at speed 0', async () => {
    const fax = await sendJsonFax(h.url, { to: '+12015555555' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get(fax.id)).status).toBe('QUEUED');
  });

  it('+19898989898 completes free of charge', async () => {
    const fax = await sendJsonFax(h.url, { to: '+19898989898' });
    await h.control.advance(60_000);
    expect(await get(fax.id)).toMatchObject({ status: 'COMPLETED', price: { currencyCode: 'USD', amount: '0.0000' } });
  });

  it('every failing special number ends in FAILURE with its errorType/errorCode/errorMessage', async () => {
    const failing = SINCH_TEST_NUMBERS.filter((entry) => entry.outcome === 'FAILURE');
    expect(failing.length).toBeGreaterThanOrEqual(4);
    const sent = await Promise.all(failing.map((entry) => sendPages(entry.number, 3)));
    await h.control.advance(60_000);
    for (const [i, entry] of failing.entries()) {
      const fax = await get(sent[i]?.id ?? '');
      expect(fax, entry.number).toMatchObject({ status: 'FAILURE', errorType: entry.errorType, errorCode: entry.errorCode, errorMessage: entry.errorMessage });
      expect(typeof fax.completedTime).toBe('string');
    }
  });

  it('busy is retried maxRetries times and sends no page', async () => {
    const fax = await sendPages('+19898989801', 2);
    await h.control.advance(60_000);
    expect(await get(fax.id)).toMatchObject({ status: 'FAILURE', errorType: 'CALL_ERROR', errorCode: 17, pagesSentSuccessfully: 0, retryCount: 3 });
  });

  it('partial delivery sends all pages but the last', async () => {
    const fax = await sendPages('+19898989803', 4);
    await h.control.advance(60_000);
    const done = await get(fax.id);
    expect(done).toMatchObject({ status: 'FAILURE', numberOfPages: 4, pagesSentSuccessfully: 3, errorType: 'FAX_ERROR', errorCode: 131 });
    expect(done.price).toEqual({ currencyCode: 'USD', amount: '0.2100' });
  });

  it('the document-error number fails while QUEUED with no pages', async () => {
    const fax = await sendPages('+19898989804', 2);
    await h.control.advance(60_000);
    expect(await get(fax.id)).toMatchObject({ status: 'FAILURE', numberOfPages: 0, errorType: 'DOCUMENT_CONVERSION_ERROR', errorCode: 122 });
  });

  it('the hanging number stays IN_PROGRESS', async () => {
    const fax = await sendPages('+19898989809', 2);
    await h.control.advance(3_600_000);
    expect(await get(fax.id)).toMatchObject({ status: 'IN_PROGRESS', pagesSentSuccessfully: 1 });
  });
});
