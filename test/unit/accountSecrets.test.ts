import { describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../../main/core/accounts/secretStore';
import { startTestCore } from '../support/coreKit';
import { runAccountLifecycle } from '../support/accountLifecycle';

describe('accounts: secrets stay in the secret store', () => {
  it('no IPC reply, event or log line of a full lifecycle contains a secret', async () => {
    const secrets = { sinch: 'sinch-SECRET-7f3a91c2', welkin: 'welkin-SECRET-0b44d6e1' };
    const { wire, logs } = await runAccountLifecycle(new InMemorySecretStore(), secrets);
    expect(wire.length).toBeGreaterThan(500);
    expect(logs).toContain('account added');
    for (const secret of [...Object.values(secrets), 'demo-secret']) {
      expect(wire).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  it('refuses a new account without a secret, or with bad settings, and stores nothing', async () => {
    const h = startTestCore({ demo: false });
    try {
      const noSecret = await h.core.dispatch('accounts.add', { name: 'X', settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k' } } });
      expect(noSecret).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { secret: expect.any(String) } } });
      const badUrl = await h.core.dispatch('accounts.add', { name: 'X', secret: 's', settings: { provider: 'welkin', welkin: { tenant: 't', instance: 'i', apiClient: 'c', baseUrl: 'ftp://x' } } });
      expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const noName = await h.core.dispatch('accounts.add', { name: ' ', secret: 's', settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k' } } });
      expect(noName).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: 'Give the account a name' } } });
      expect(await h.core.dispatch('accounts.list', {})).toEqual({ ok: true, value: [] });
    } finally {
      await h.close();
    }
  });

  it('a failing keychain leaves no account behind', async () => {
    const broken = { get: async () => undefined, set: async () => { throw new Error('keychain locked'); }, delete: async () => false };
    const h = startTestCore({ demo: false, secretStore: broken });
    try {
      const result = await h.core.dispatch('accounts.add', { name: 'X', secret: 'abcd1234', settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k' } } });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await h.core.dispatch('accounts.list', {})).toEqual({ ok: true, value: [] });
      expect(h.logLines.map((l) => l.line).join('\n')).not.toContain('abcd1234');
    } finally {
      await h.close();
    }
  });
});
