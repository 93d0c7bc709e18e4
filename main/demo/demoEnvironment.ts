import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { AccountSettings, ProviderKind } from '../../common/domain/account';
import type { DemoEnvironment } from '../core/accounts/demoPort';
import type { InboundRequest } from '../emulators/shared/emulatorServer';
import type { InboundArchivable } from '../emulators/shared/inboundArchive';
import { loadArchive, saveArchive } from './inboundArchive';
import { SINCH_DEMO_CREDENTIALS, SINCH_DEMO_NUMBER } from '../emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../emulators/welkin/constants';

export interface DemoOptions {
  /** Fixed ports for the demo emulators (tests need to find them); 0 picks free ones. */
  sinchPort?: number;
  welkinPort?: number;
  /** Lifecycle speed of both emulators (1 = real time). */
  speed?: number;
  /**
   * Where the emulators keep their received faxes (the app's data folder), so a restart of the app
   * looks like a restart of a real service. Without it they forget everything when they stop.
   */
  stateDir?: string;
  /** How often a change is saved (received faxes injected through the control API). */
  saveEveryMs?: number;
}

/**
 * Fixed demo emulator ports from FAXDESK_DEMO_SINCH_PORT / FAXDESK_DEMO_WELKIN_PORT, for tests and
 * people who want to reach the emulators' control API (unset: free ports).
 */
export function demoPortsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<DemoOptions, 'sinchPort' | 'welkinPort'> {
  const port = (value: string | undefined) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 && n < 65536 ? n : 0;
  };
  return { sinchPort: port(env.FAXDESK_DEMO_SINCH_PORT), welkinPort: port(env.FAXDESK_DEMO_WELKIN_PORT) };
}

export interface RunningDemo extends DemoEnvironment {
  /** The running demo emulator's URL, starting it if needed. */
  sinchUrl(): Promise<string>;
  welkinUrl(): Promise<string>;
}

interface Started {
  url: string;
  app: InboundArchivable & { inbound(request: InboundRequest): Promise<unknown> };
  /** Saves the received faxes now (when they are kept). */
  save?(): void;
  close(): Promise<void>;
}

const DEMO_NUMBERS: Record<ProviderKind, string> = { sinch: SINCH_DEMO_NUMBER, welkin: WELKIN_DEMO_CREDENTIALS.faxNumber };

/** Keeps an emulator's received faxes in `dir`: loaded when it starts, saved when they change and when it stops. */
function keepInbound(emulator: Started, dir: string | undefined, everyMs: number): Started {
  if (!dir) return emulator;
  emulator.app.importInbound(loadArchive(dir));
  let saved = JSON.stringify(emulator.app.exportInbound().map((fax) => fax.record));
  const save = () => {
    const faxes = emulator.app.exportInbound();
    const now = JSON.stringify(faxes.map((fax) => fax.record));
    if (now === saved) return;
    saveArchive(dir, faxes);
    saved = now;
  };
  const timer = setInterval(save, everyMs);
  timer.unref();
  return {
    ...emulator,
    save,
    close: async () => {
      clearInterval(timer);
      save();
      await emulator.close();
    },
  };
}

/**
 * The Demo accounts run against in-process emulators, so a new user can send a fax with no
 * credentials. The emulators are loaded (a separate chunk of the bundle) and started only when a
 * demo account is first used; until then this module costs a few constants.
 */
export function createDemoEnvironment(options: DemoOptions = {}): RunningDemo {
  const speed = options.speed ?? 1;
  const every = options.saveEveryMs ?? 1_000;
  const dirOf = (provider: ProviderKind) => (options.stateDir ? join(options.stateDir, provider) : undefined);
  let sinch: Promise<Started> | undefined;
  let welkin: Promise<Started> | undefined;
  const startSinch = () => (sinch ??= import('../emulators/sinch/index')
    .then(({ startSinchEmulator }) => startSinchEmulator({ port: options.sinchPort ?? 0, speed }))
    .then((started) => keepInbound(started, dirOf('sinch'), every)));
  const startWelkin = () => (welkin ??= import('../emulators/welkin/index')
    .then(({ startWelkinEmulator }) => startWelkinEmulator({ port: options.welkinPort ?? 0, speed }))
    .then((started) => keepInbound(started, dirOf('welkin'), every)));
  const sinchUrl = async () => (await startSinch()).url;
  const welkinUrl = async () => (await startWelkin()).url;
  return {
    sinchUrl,
    welkinUrl,
    async receiveTestFax(provider) {
      const emulator = await (provider === 'sinch' ? startSinch() : startWelkin());
      // A made-up sender in the 555-01xx range (reserved for fiction), one to three pages.
      await emulator.app.inbound({ from: `+1201555${String(100 + randomInt(100)).padStart(4, '0')}`, to: DEMO_NUMBERS[provider], pages: 1 + randomInt(3) });
      emulator.save?.();
    },
    isStarted: (provider) => (provider === 'sinch' ? sinch : welkin) !== undefined,
    seedAccounts: () => [
      {
        name: 'Demo (Sinch emulator)',
        settings: {
          provider: 'sinch',
          sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global' },
        },
      },
      {
        name: 'Demo (Welkin emulator)',
        settings: {
          provider: 'welkin',
          welkin: {
            tenant: WELKIN_DEMO_CREDENTIALS.tenantName,
            instance: WELKIN_DEMO_CREDENTIALS.instanceName,
            apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName,
            baseUrl: 'http://127.0.0.1',
          },
        },
      },
    ],
    async resolve(settings: AccountSettings) {
      if (settings.provider === 'sinch') {
        const url = await sinchUrl();
        return { settings: { provider: 'sinch', sinch: { ...settings.sinch, baseUrl: url, authUrl: url } }, secret: SINCH_DEMO_CREDENTIALS.keySecret };
      }
      const url = await welkinUrl();
      return { settings: { provider: 'welkin', welkin: { ...settings.welkin, baseUrl: url } }, secret: WELKIN_DEMO_CREDENTIALS.secret };
    },
    async close() {
      await Promise.all([sinch, welkin].map(async (running) => (running ? (await running.catch(() => undefined))?.close() : undefined)));
    },
  };
}
