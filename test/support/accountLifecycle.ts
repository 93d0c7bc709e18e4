import { expect } from 'vitest';
import { stringifyWire } from '../../common/ipc/wireJson';
import type { SecretStore } from '../../main/core/accounts/secretStore';
import { SINCH_DEMO_CREDENTIALS, startSinchEmulator } from '../../main/emulators/sinch/index';
import { startWelkinEmulator, WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import { startTestCore } from './coreKit';

/**
 * A full account lifecycle through the IPC dispatcher (what the renderer can reach): add, list,
 * test, update with a wrong then the right secret, remove, for both providers. Returns every reply,
 * event and log line so the caller can scan them for the secrets.
 */
export async function runAccountLifecycle(secretStore: SecretStore, secrets: { sinch: string; welkin: string }) {
  const sinch = await startSinchEmulator({ port: 0 });
  const welkin = await startWelkinEmulator({ port: 0 });
  const h = startTestCore({ demo: false, secretStore });
  const replies: unknown[] = [];
  const events: unknown[] = [];
  h.core.events.subscribe((event, payload) => events.push([event, payload]));
  const call = async (channel: string, input: unknown) => {
    const reply = await h.core.dispatch(channel, input);
    replies.push(reply);
    return reply as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  };
  try {
    // The demo emulators accept only their demo secrets, so the "real" secret is registered as the
    // wrong one first (fails), then corrected. Both strings are scanned for.
    const sinchDraft = (secret: string) => ({
      name: 'Clinic Sinch', secret,
      settings: { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: sinch.url, authUrl: sinch.url } },
    });
    const welkinDraft = (secret: string) => ({
      name: 'Clinic Welkin', secret,
      settings: {
        provider: 'welkin',
        welkin: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: welkin.url },
      },
    });
    const s = await call('accounts.add', sinchDraft(secrets.sinch));
    const w = await call('accounts.add', welkinDraft(secrets.welkin));
    expect(s.ok && w.ok).toBe(true);
    expect(s.value).toMatchObject({ hasSecret: true, demo: false });
    const sinchId = s.value!.id as string;
    const welkinId = w.value!.id as string;
    expect(await call('accounts.list', {})).toMatchObject({ ok: true });

    const badSinch = await call('accounts.test', { id: sinchId });
    expect(badSinch.value).toMatchObject({ ok: false });
    const badWelkin = await call('accounts.test', { id: welkinId });
    expect(badWelkin.value).toMatchObject({ ok: false });

    await call('accounts.update', { id: sinchId, draft: sinchDraft(SINCH_DEMO_CREDENTIALS.keySecret) });
    await call('accounts.update', { id: welkinId, draft: welkinDraft(WELKIN_DEMO_CREDENTIALS.secret) });
    expect((await call('accounts.test', { id: sinchId })).value).toMatchObject({ ok: true });
    expect((await call('accounts.test', { id: welkinId })).value).toMatchObject({ ok: true });

    // Editing without a secret keeps the stored one.
    const { secret: _drop, ...noSecret } = sinchDraft('unused');
    expect((await call('accounts.update', { id: sinchId, draft: { ...noSecret, name: 'Renamed' } })).value).toMatchObject({ name: 'Renamed', hasSecret: true });
    expect((await call('accounts.test', { id: sinchId })).value).toMatchObject({ ok: true });

    expect((await call('accounts.remove', { id: sinchId })).value).toEqual({ removed: true });
    expect((await call('accounts.remove', { id: welkinId })).value).toEqual({ removed: true });
    expect(await secretStore.get(`account:${sinchId}`)).toBeUndefined();
    expect(await secretStore.get(`account:${welkinId}`)).toBeUndefined();
    expect((await call('accounts.list', {})).value).toEqual([]);
  } finally {
    await h.close();
    await sinch.close();
    await welkin.close();
  }
  return { wire: stringifyWire(replies) + stringifyWire(events), logs: h.logLines.map((l) => l.line).join('\n') };
}
