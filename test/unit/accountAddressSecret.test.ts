import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountSettings } from '../../common/domain/account';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';

/**
 * A secret never follows a changed address: re-pointing an account at another host without typing
 * the secret again is refused and nothing reaches that host; with the secret re-entered, only the
 * new secret goes there. The "other host" is a real HTTP server on another loopback port that
 * records everything it receives.
 */
const sinch = useSinchEmulator();
const welkin = useWelkinEmulator();
const OLD_SECRET = { sinch: SINCH_DEMO_CREDENTIALS.keySecret, welkin: WELKIN_DEMO_CREDENTIALS.secret };
const NEW_SECRET = 'typed-again-for-the-new-host-5e1d';

let capture: Server;
let captureUrl: string;
const received: string[] = [];

beforeAll(async () => {
  capture = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Basic auth carries the secret base64-encoded: decode it so the scan sees it either way.
      const auth = req.headers.authorization ?? '';
      const basic = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
      received.push(`${req.method} ${req.url} ${auth} ${basic} ${Buffer.concat(chunks).toString('utf8')}`);
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"no"}');
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => capture.close(() => resolve())));

const sinchSettings = (patch: Partial<Extract<AccountSettings, { provider: 'sinch' }>['sinch']> = {}): AccountSettings => ({
  provider: 'sinch',
  sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global', baseUrl: sinch.url, authUrl: sinch.url, ...patch },
});
const welkinSettings = (baseUrl: string): AccountSettings => ({
  provider: 'welkin',
  welkin: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl },
});

async function add(h: CoreHarness, settings: AccountSettings, secret: string): Promise<Account> {
  const added = await h.core.dispatch('accounts.add', { name: 'Front desk', secret, settings });
  expect(added.ok).toBe(true);
  return (added as { value: Account }).value;
}
const update = (h: CoreHarness, id: string, settings: AccountSettings, secret?: string) =>
  h.core.dispatch('accounts.update', { id, draft: { name: 'Front desk', settings, ...(secret ? { secret } : {}) } });
const stored = async (h: CoreHarness, id: string) => ((await h.core.dispatch('accounts.list', {})) as { value: Account[] }).value.find((a) => a.id === id)!;
const testConnection = async (h: CoreHarness, id: string) => ((await h.core.dispatch('accounts.test', { id })) as { value: { ok: boolean } }).value;

const refusedForSecret = { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Enter the secret again/), fields: { secret: expect.any(String) } } };

describe('a stored secret never follows a changed address', () => {
  it.each([
    ['both URLs', { baseUrl: 'CAPTURE', authUrl: 'CAPTURE' }],
    ['the auth URL only', { authUrl: 'CAPTURE' }],
    ['the API base URL only', { baseUrl: 'CAPTURE' }],
  ])('Sinch: re-pointing %s without the secret is refused, nothing changes, the new host receives nothing', async (_what, patch) => {
    const h = startTestCore({ demo: false });
    received.length = 0;
    try {
      const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
      const moved = Object.fromEntries(Object.entries(patch).map(([k]) => [k, captureUrl]));
      expect(await update(h, account.id, sinchSettings(moved))).toMatchObject(refusedForSecret);
      expect((await stored(h, account.id)).settings).toEqual(account.settings);
      // The account still works against the host its secret was entered for.
      expect(await testConnection(h, account.id)).toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('Sinch: a new region needs the secret again too', async () => {
    const h = startTestCore({ demo: false });
    try {
      const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
      expect(await update(h, account.id, sinchSettings({ region: 'eu1' }))).toMatchObject(refusedForSecret);
      expect((await stored(h, account.id)).settings).toMatchObject({ sinch: { region: 'global' } });
    } finally {
      await h.close();
    }
  });

  it('Sinch: with the secret typed again the change is saved and only the new secret reaches the new host', async () => {
    const h = startTestCore({ demo: false });
    received.length = 0;
    try {
      const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
      const saved = await update(h, account.id, sinchSettings({ baseUrl: captureUrl, authUrl: captureUrl }), NEW_SECRET);
      expect(saved).toMatchObject({ ok: true, value: { hasSecret: true, settings: { sinch: { baseUrl: captureUrl, authUrl: captureUrl } } } });
      expect(await testConnection(h, account.id)).toMatchObject({ ok: false });
      expect(received.length).toBeGreaterThan(0);
      expect(received.join('\n')).toContain(NEW_SECRET);
      expect(received.join('\n')).not.toContain(OLD_SECRET.sinch);
    } finally {
      await h.close();
    }
  });

  it('Welkin: a new base URL without the secret is refused and sends nothing; with it, the new secret is used', async () => {
    const h = startTestCore({ demo: false });
    received.length = 0;
    try {
      const account = await add(h, welkinSettings(welkin.url), OLD_SECRET.welkin);
      expect(await update(h, account.id, welkinSettings(captureUrl))).toMatchObject(refusedForSecret);
      expect((await stored(h, account.id)).settings).toEqual(account.settings);
      expect(await testConnection(h, account.id)).toMatchObject({ ok: true });
      expect(received).toEqual([]);

      expect(await update(h, account.id, welkinSettings(captureUrl), NEW_SECRET)).toMatchObject({ ok: true });
      await testConnection(h, account.id);
      expect(received.join('\n')).toContain(NEW_SECRET);
      expect(received.join('\n')).not.toContain(OLD_SECRET.welkin);
    } finally {
      await h.close();
    }
  });

  it('other edits keep the stored secret: a new name, the same address written differently', async () => {
    const h = startTestCore({ demo: false });
    try {
      const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
      const renamed = await h.core.dispatch('accounts.update', { id: account.id, draft: { name: 'Back office', settings: sinchSettings({ baseUrl: `${sinch.url}/`, serviceId: 'svc-1' }) } });
      expect(renamed).toMatchObject({ ok: true, value: { name: 'Back office', hasSecret: true } });
      expect(await testConnection(h, account.id)).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });

  it('an account whose secret is gone can be re-pointed (there is nothing to follow)', async () => {
    const h = startTestCore({ demo: false });
    try {
      const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
      await h.secrets.delete(`account:${account.id}`);
      expect(await update(h, account.id, sinchSettings({ baseUrl: captureUrl, authUrl: captureUrl }))).toMatchObject({ ok: true, value: { hasSecret: false } });
    } finally {
      await h.close();
    }
  });
});

describe('plain http only to this computer', () => {
  it.each(['http://example.com', 'http://10.0.0.5:4010', 'http://127.0.0.1.example.com', 'http://localhost.example.com', 'http://[::2]'])(
    'refuses %s as an API or auth address, on add and on update, and stores nothing', async (url) => {
      const h = startTestCore({ demo: false });
      try {
        for (const settings of [sinchSettings({ baseUrl: url }), sinchSettings({ authUrl: url }), welkinSettings(url)]) {
          const result = await h.core.dispatch('accounts.add', { name: 'X', secret: 's', settings });
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/https:\/\//) } });
        }
        expect(await h.core.dispatch('accounts.list', {})).toEqual({ ok: true, value: [] });
        const account = await add(h, sinchSettings(), OLD_SECRET.sinch);
        expect(await update(h, account.id, sinchSettings({ baseUrl: url }), 'new')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect((await stored(h, account.id)).settings).toEqual(account.settings);
      } finally {
        await h.close();
      }
    },
  );

  it('accepts https anywhere and http to loopback (127.0.0.0/8, ::1, localhost)', async () => {
    const h = startTestCore({ demo: false });
    try {
      for (const url of ['https://fax.example.com', 'http://127.0.0.1:4010', 'http://127.8.9.10', 'http://localhost:4010', 'http://[::1]:4010']) {
        const result = await h.core.dispatch('accounts.add', { name: 'X', secret: 's', settings: welkinSettings(url) });
        expect(result, url).toMatchObject({ ok: true });
      }
    } finally {
      await h.close();
    }
  });
});
