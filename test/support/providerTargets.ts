import type { ProviderKind } from '../../common/domain/account';
import type { Capability, FullFaxProvider } from '../../main/core/providers/faxProvider';
import type { EmulatorControlClient } from '../../main/emulators/shared/controlClient';
import type { RunningEmulator } from '../../main/emulators/shared/emulatorServer';
import { SINCH_DEMO_NUMBER } from '../../main/emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/constants';
import { beforeEach } from 'vitest';
import { useSinchEmulator, useWelkinEmulator, type EmulatorSuite } from './emulatorSuite';
import { sinchProviderFor, welkinProviderFor, type SinchOverrides } from './providerKit';
import type { TempFolder } from './tempFolder';

/**
 * One place that knows how to run each provider against its emulator, so the contract suites can
 * be written once against `FaxProvider` and parameterised with `describe.each(PROVIDER_TARGETS)`.
 */

/** What both providers accept; provider-specific options go through their own factories. */
export type ProviderOverrides = Pick<SinchOverrides, 'secret' | 'fetch' | 'timeoutMs' | 'policy'>;

/** The shared control API, as both emulators answer it. */
export type TargetControl = EmulatorControlClient<unknown, { id: string }>;

export interface RunningTarget {
  url: string;
  control: TargetControl;
  provider(overrides?: ProviderOverrides): FullFaxProvider;
}

export interface ProviderTarget {
  kind: ProviderKind;
  /** What the provider declares, read from an instance (no request is made). */
  capabilities: ReadonlySet<Capability>;
  /** The account's own number: where inbound faxes arrive. */
  ownNumber: string;
  /** Path regex of the request that submits a fax (the one a send must never repeat). */
  sendPathPattern: string;
  /** Path regex matching the fax read endpoints (get, list). */
  readPathPattern: string;
  /** An id in the provider's format that no fax has. */
  unknownFaxId: string;
  /** Fails on the first attempt and succeeds on a server-side retry (retryOnServer). */
  failsOnceNumber?: string;
  /** Registers the suite's emulator (see useEmulatorSuite). */
  useEmulator(speed: number): EmulatorSuite<RunningEmulator, TargetControl>;
  provider(url: string, overrides?: ProviderOverrides): FullFaxProvider;
}

/** Numbers both emulators treat the same way (see each emulator's README). */
export const NUMBERS = {
  delivered: '+19898989898',
  busy: '+19898989801',
  partial: '+19898989803',
  /** A remote sender for inbound faxes. */
  sender: '+15551230099',
} as const;

const PLACEHOLDER_URL = 'http://127.0.0.1:9';

export const SINCH_TARGET: ProviderTarget = {
  kind: 'sinch',
  capabilities: sinchProviderFor(PLACEHOLDER_URL).capabilities,
  ownNumber: SINCH_DEMO_NUMBER,
  sendPathPattern: '^/v3/projects/[^/]+/faxes$',
  readPathPattern: '^/v3/projects/[^/]+/faxes(/[^/]+)?$',
  unknownFaxId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  useEmulator: (speed) => useSinchEmulator({ speed }),
  provider: (url, overrides) => sinchProviderFor(url, { ...overrides, settings: { authUrl: url } }),
};

export const WELKIN_TARGET: ProviderTarget = {
  kind: 'welkin',
  capabilities: welkinProviderFor(PLACEHOLDER_URL).capabilities,
  ownNumber: WELKIN_DEMO_CREDENTIALS.faxNumber,
  sendPathPattern: '^/demo/live/faxes/[^/]+/send$',
  readPathPattern: '^/demo/live/faxes(/[^/]+)?$',
  unknownFaxId: '00000000-0000-4000-8000-000000000000',
  failsOnceNumber: '+19898989805',
  useEmulator: (speed) => useWelkinEmulator({ speed }),
  // Uploads time out with the other calls here, so a short timeout covers the whole send.
  provider: (url, overrides) => welkinProviderFor(url, { ...overrides, uploadTimeoutMs: overrides?.timeoutMs ?? 5_000 }),
};

export const PROVIDER_TARGETS: readonly ProviderTarget[] = [SINCH_TARGET, WELKIN_TARGET];

/**
 * The target's emulator and temp folder per suite (reset, clock at `speed`) and a fresh provider
 * before each test; `use` receives them for the suite's own variables.
 */
export function useTarget(target: ProviderTarget, speed: number, use: (emulator: RunningTarget, files: TempFolder, provider: FullFaxProvider) => void): void {
  const suite = target.useEmulator(speed);
  beforeEach(() => {
    const running: RunningTarget = { url: suite.url, control: suite.control, provider: (overrides) => target.provider(suite.url, overrides) };
    use(running, suite.files, running.provider());
  });
}
