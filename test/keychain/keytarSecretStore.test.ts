import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/shell/keytarSecretStore';

/**
 * Runs against a real Secret Service (gnome-keyring under dbus-run-session, see run.sh), never a
 * mock: this is the code path that holds users' provider secrets.
 */
describe('KeytarSecretStore against the real Secret Service', () => {
  const store = new KeytarSecretStore(`Faxdesk-test-${randomUUID()}`);

  it('probes the keychain', async () => {
    await expect(store.probe()).resolves.toBeUndefined();
  });

  it('sets, reads back, overwrites and deletes a secret', async () => {
    const key = `account:${randomUUID()}`;
    expect(await store.get(key)).toBeUndefined();
    await store.set(key, 'first-secret-ü✓');
    expect(await store.get(key)).toBe('first-secret-ü✓');
    await store.set(key, 'second-secret');
    expect(await store.get(key)).toBe('second-secret');
    expect(await store.delete(key)).toBe(true);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.delete(key)).toBe(false);
  });

  it('keeps secrets of different accounts apart', async () => {
    const a = `account:${randomUUID()}`;
    const b = `account:${randomUUID()}`;
    await store.set(a, 'alpha');
    await store.set(b, 'beta');
    expect([await store.get(a), await store.get(b)]).toEqual(['alpha', 'beta']);
    await store.delete(a);
    expect(await store.get(b)).toBe('beta');
    await store.delete(b);
  });
});

describe('account lifecycle against the real keychain', () => {
  it('keeps secrets in the Secret Service only: none in IPC replies, events or logs', async () => {
    const { runAccountLifecycle } = await import('../support/accountLifecycle');
    const secrets = { sinch: `sinch-${randomUUID()}`, welkin: `welkin-${randomUUID()}` };
    const { wire, logs } = await runAccountLifecycle(new KeytarSecretStore(`Faxdesk-test-${randomUUID()}`), secrets);
    for (const secret of Object.values(secrets)) {
      expect(wire).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
