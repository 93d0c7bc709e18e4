import type { AccountSettings } from '../../../common/domain/account';
import type { RunningEmulator } from '../../emulators/shared/emulatorServer';
import { SINCH_DEMO_CREDENTIALS, startSinchEmulator } from '../../emulators/sinch/index';
import { startWelkinEmulator, WELKIN_DEMO_CREDENTIALS } from '../../emulators/welkin/index';
import type { DemoEnvironment } from './accountRegistry';

export interface DemoOptions {
  /** Fixed ports for the demo emulators (tests need to find them); 0 picks free ones. */
  sinchPort?: number;
  welkinPort?: number;
  speed?: number;
}

export interface ClosableDemoEnvironment extends DemoEnvironment {
  /** The running demo emulator's URL, starting it if needed. */
  sinchUrl(): Promise<string>;
  welkinUrl(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Demo accounts run against in-process emulators, so a new user can send a fax with no
 * credentials. Each emulator starts on first use; its URL is filled in at run time.
 */
export function createDemoEnvironment(options: DemoOptions = {}): ClosableDemoEnvironment {
  const speed = options.speed ?? 1;
  let sinch: Promise<RunningEmulator> | undefined;
  let welkin: Promise<RunningEmulator> | undefined;
  const sinchUrl = async () => {
    sinch ??= startSinchEmulator({ port: options.sinchPort ?? 0, speed });
    return (await sinch).url;
  };
  const welkinUrl = async () => {
    welkin ??= startWelkinEmulator({ port: options.welkinPort ?? 0, speed });
    return (await welkin).url;
  };
  return {
    sinchUrl,
    welkinUrl,
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
      await Promise.all([sinch, welkin].map(async (running) => (running ? (await running).close() : undefined)));
    },
  };
}
