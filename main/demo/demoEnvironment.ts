import type { AccountSettings } from '../../common/domain/account';
import type { DemoEnvironment } from '../core/accounts/demoPort';
import { SINCH_DEMO_CREDENTIALS } from '../emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../emulators/welkin/constants';

export interface DemoOptions {
  /** Fixed ports for the demo emulators (tests need to find them); 0 picks free ones. */
  sinchPort?: number;
  welkinPort?: number;
  /** Lifecycle speed of both emulators (1 = real time). */
  speed?: number;
}

export interface RunningDemo extends DemoEnvironment {
  /** The running demo emulator's URL, starting it if needed. */
  sinchUrl(): Promise<string>;
  welkinUrl(): Promise<string>;
}

interface Started {
  url: string;
  close(): Promise<void>;
}

/**
 * The Demo accounts run against in-process emulators, so a new user can send a fax with no
 * credentials. The emulators are loaded (a separate chunk of the bundle) and started only when a
 * demo account is first used; until then this module costs a few constants.
 */
export function createDemoEnvironment(options: DemoOptions = {}): RunningDemo {
  const speed = options.speed ?? 1;
  let sinch: Promise<Started> | undefined;
  let welkin: Promise<Started> | undefined;
  const sinchUrl = async () => {
    sinch ??= import('../emulators/sinch/index').then(({ startSinchEmulator }) => startSinchEmulator({ port: options.sinchPort ?? 0, speed }));
    return (await sinch).url;
  };
  const welkinUrl = async () => {
    welkin ??= import('../emulators/welkin/index').then(({ startWelkinEmulator }) => startWelkinEmulator({ port: options.welkinPort ?? 0, speed }));
    return (await welkin).url;
  };
  return {
    sinchUrl,
    welkinUrl,
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
