import { describe, expect, it } from 'vitest';
import { useSinchEmulator } from '../support/emulatorSuite';
import { api, apiJson, sendJsonFax, type WireFax } from '../support/sinchApi';

const h = useSinchEmulator({ speed: 0 });

interface FaxPage {
  faxes: WireFax[];
  page: number;
  pageNumber: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
}

async function list(query: string): Promise<FaxPage> {
  const { status, body } = await apiJson<FaxPage>(h.url, `/faxes${query}`);
  expect(status, query).toBe(200);
  return body;
}

describe('Sinch emulator: GET /faxes', () => {
  it('paginates with the PAGE3 envelope (default 100, 1-based, pageNumber mirrors page)', async () => {
    for (let i = 0; i < 5; i++) await sendJsonFax(h.url, { to: `+1201555000${i}` });
    const all = await list('');
    expect(all).toMatchObject({ page: 1, pageNumber: 1, pageSize: 100, totalItems: 5, totalPages: 1 });
    // Newest first.
    expect(all.faxes.map((fax) => fax.to)).toEqual(['+12015550004', '+12015550003', '+12015550002', '+12015550001', '+12015550000']);
    const second = await list('?pageSize=2&page=2');
    expect(second).toMatchObject({ page: 2, pageSize: 2, totalItems: 5, totalPages: 3 });
    expect(second.faxes.map((fax) => fax.to)).toEqual(['+12015550002', '+12015550001']);
    expect((await list('?pageSize=2&page=9')).faxes).toEqual([]);
    expect((await apiJson(h.url, '/faxes?pageSize=1001')).status).toBe(422);
    expect((await apiJson(h.url, '/faxes?page=0')).status).toBe(422);
    expect((await list('?pageSize=1000')).pageSize).toBe(1000);
  });

  it('filters to/from by prefix with a raw + (and a percent-encoded one)', async () => {
    await sendJsonFax(h.url, { to: '+12015550000' });
    await sendJsonFax(h.url, { to: '+14155550000' });
    await h.control.inbound({ from: '+13125550000', to: '+12015550100' });
    expect((await list('?to=+1201')).faxes.map((fax) => fax.to)).toEqual(['+12015550100', '+12015550000']);
    expect((await list('?to=%2B1415')).totalItems).toBe(1);
    expect((await list('?from=+1312')).faxes.map((fax) => fax.direction)).toEqual(['INBOUND']);
    expect((await list('?to=+1999')).totalItems).toBe(0);
  });

  it('filters direction and status (status derived at read time)', async () => {
    const done = await sendJsonFax(h.url, { to: '+12015550000' });
    await h.control.advance(10_000);
    await sendJsonFax(h.url, { to: '+12015550001' });
    await h.control.inbound({ from: '+13125550000', to: '+12015550100', pages: 2 });
    expect((await list('?direction=INBOUND')).totalItems).toBe(1);
    expect((await list('?direction=OUTBOUND')).totalItems).toBe(2);
    expect((await list('?status=QUEUED')).faxes.map((fax) => fax.to)).toEqual(['+12015550001']);
    expect((await list('?status=COMPLETED&direction=OUTBOUND')).faxes.map((fax) => fax.id)).toEqual([done.id]);
    expect((await apiJson(h.url, '/faxes?status=DONE')).status).toBe(422);
  });

  it('filters createTime by day prefix and inclusive createTime> / createTime< ranges', async () => {
    const fax = await sendJsonFax(h.url, { to: '+12015550000' });
    const created = String(fax.createTime);
    const day = created.slice(0, 10);
    expect((await list(`?createTime=${day}`)).totalItems).toBe(1);
    expect((await list(`?createTime=${created.slice(0, 4)}`)).totalItems).toBe(1);
    expect((await list('?createTime=2001-01-01')).totalItems).toBe(0);
    // The SDK's encoding: `createTime%3E=` / `createTime%3C=`; both ends inclusive.
    expect((await list(`?createTime%3E=${created}&createTime%3C=${created}`)).totalItems).toBe(1);
    expect((await list(`?createTime>=${day}`)).totalItems).toBe(1);
    expect((await list(`?createTime<=${day}`)).totalItems).toBe(1);
    expect((await list('?createTime%3E=2999-01-01')).totalItems).toBe(0);
    expect((await list('?createTime%3C=2001-01-01T00:00:00Z')).totalItems).toBe(0);
    expect((await apiJson(h.url, '/faxes?createTime%3E=yesterday')).status).toBe(422);
  });

  it('has the prior-week default window off by default and switchable', async () => {
    const fax = await sendJsonFax(h.url, { to: '+12015550000' });
    await h.control.advance(8 * 86_400_000);
    expect((await list('')).totalItems).toBe(1);
    await h.control.options({ priorWeekDefaultWindow: true });
    expect((await list('')).totalItems).toBe(0);
    expect((await list(`?createTime=${String(fax.createTime).slice(0, 10)}`)).totalItems).toBe(1);
  });

  it('exports CSV with Accept: text/csv and format=csv', async () => {
    await sendJsonFax(h.url, { to: '+12015550000' });
    const response = await api(h.url, '/faxes?format=csv&direction=OUTBOUND', { headers: { Accept: 'text/csv' } });
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/filename="fax_logs_exp\d{14}\.csv"/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Id,Direction,From,To,Number Of Pages,Status/);
  });
});
