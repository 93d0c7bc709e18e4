import type { AccountSettings } from '../../../common/domain/account';
import { SINCH_DEMO_CREDENTIALS, startSinchEmulator } from '../../emulators/sinch/index';
import type { DemoEnvironment } from './accountRegistry';

export interface DemoOptions {
  /** Fixed port for the demo Sinch emulator (tests need to find it); 0 picks a free one. */
  sinchPort?: number;
  speed?: number;
}

export interface ClosableDemoEnvironment extends DemoEnvironment {
  /** The running Sinch demo emulator's URL, starting it if needed. */
  sinchUrl(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The Demo account runs against an in-process Sinch emulator, so a new user can send a fax with no
 * credentials. The emulator starts on first use; its URL is filled in at run time.
 */
export function createDemoEnvironment(options: DemoOptions = {}): ClosableDemoEnvironment {
  let sinch: ReturnType<typeof startSinchEmulator> | undefined;
  const sinchUrl = async () => {
    sinch ??= startSinchEmulator({ port: options.sinchPort ?? 0, speed: options.speed ?? 1 });
    return (await sinch).url;
  };
  return {
    sinchUrl,
    seedAccounts: () => [{
      name: 'Demo (Sinch emulator)',
      settings: {
        provider: 'sinch',
        sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global' },
      },
    }],
    async resolve(settings: AccountSettings) {
      if (settings.provider !== 'sinch') throw new Error('Only Sinch demo accounts exist');
      const url = await sinchUrl();
      return {
        settings: { provider: 'sinch', sinch: { ...settings.sinch, baseUrl: url, authUrl: url } },
        secret: SINCH_DEMO_CREDENTIALS.keySecret,
      };
    },
    async close() {
      if (sinch) await (await sinch).close();
    },
  };
}
