import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { AccountSettings } from '../../common/domain/account';
import type { OutboxJob } from '../../common/domain/fax';
import type { ProviderFactory } from '../../main/core/accounts/accounts';
import type { RetryPolicy } from '../../main/core/providers/httpCall';
import { defaultProviderFactory } from '../../main/core/providers/providerFactory';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../../main/core/providers/welkin/welkinProvider';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/index';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import { makePdfBytes, waitFor, type CoreHarness } from './coreKit';
import { FAST_RETRY_POLICY } from './providerKit';

/** The app's provider factory with the suites' quick retries and short timeouts; `fetch` may be wrapped. */
export function fastFactory(options: { policy?: RetryPolicy; timeoutMs?: number; fetch?: (settings: AccountSettings) => typeof fetch | undefined } = {}): ProviderFactory {
  const policy = options.policy ?? FAST_RETRY_POLICY;
  const timeoutMs = options.timeoutMs ?? 800;
  return {
    create: (settings, secret) => settings.provider === 'sinch'
      ? new SinchProvider({ settings: settings.sinch, secret, timeoutMs, policy, fetch: options.fetch?.(settings) })
      : new WelkinProvider({ settings: settings.welkin, secret, timeoutMs, uploadTimeoutMs: timeoutMs, policy, fetch: options.fetch?.(settings) }),
    capabilitiesOf: defaultProviderFactory.capabilitiesOf,
    limitsOf: defaultProviderFactory.limitsOf,
  };
}

/** Adds a Sinch account (demo credentials) on the emulator at `url`; returns its id. */
export async function addSinchAccount(h: CoreHarness, url: string, name = 'Clinic Sinch'): Promise<string> {
  const result = await h.core.dispatch('accounts.add', {
    name, secret: SINCH_DEMO_CREDENTIALS.keySecret,
    settings: { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: url, authUrl: url } },
  });
  expect(result.ok).toBe(true);
  return (result as { value: { id: string } }).value.id;
}

export async function addWelkinAccount(h: CoreHarness, url: string, name = 'Clinic Welkin'): Promise<string> {
  const result = await h.core.dispatch('accounts.add', {
    name, secret: WELKIN_DEMO_CREDENTIALS.secret,
    settings: { provider: 'welkin', welkin: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: url } },
  });
  expect(result.ok).toBe(true);
  return (result as { value: { id: string } }).value.id;
}

/** Adds a generated PDF; returns its id and SHA-256 (taken first: the core may take over the buffer). */
export async function addPdf(h: CoreHarness, pages = 1): Promise<{ id: string; sha256: string }> {
  const bytes = await makePdfBytes(pages);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = await h.core.dispatch('documents.add', { name: 'letter.pdf', bytes });
  expect(result.ok).toBe(true);
  return { id: (result as { value: { id: string } }).value.id, sha256 };
}

export async function sendFax(h: CoreHarness, accountId: string, documentId: string, to = '+19898989898'): Promise<OutboxJob> {
  const result = await h.core.dispatch('fax.send', { accountId, to: [to], documentIds: [documentId] });
  expect(result.ok).toBe(true);
  return (result as { value: OutboxJob[] }).value[0]!;
}

export async function outboxList(h: CoreHarness): Promise<OutboxJob[]> {
  return ((await h.core.dispatch('outbox.list', {})) as { value: OutboxJob[] }).value;
}

export async function faxOf(h: CoreHarness, id: string): Promise<OutboxJob | undefined> {
  return (await outboxList(h)).find((job) => job.id === id);
}

/** Waits until the fax is in one of `states`; returns it. */
export function waitForFax(h: CoreHarness, id: string, states: OutboxJob['state'][], timeoutMs = 15_000): Promise<OutboxJob> {
  return waitFor(async () => {
    const fax = await faxOf(h, id);
    return fax && states.includes(fax.state) ? fax : undefined;
  }, timeoutMs, `fax ${id} ${states.join('|')}`);
}
