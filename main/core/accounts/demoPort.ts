import type { AccountSettings } from '../../../common/domain/account';

/**
 * The port through which the core reaches the Demo accounts' emulators (main/demo implements it;
 * the shell, the dev bridge and tests hand it to createCore). The core never imports the emulators.
 */
export interface DemoEnvironment {
  /** Accounts created on first run so a new user can try the app with no credentials. */
  seedAccounts(): Array<{ name: string; settings: AccountSettings }>;
  /** Settings with the live emulator URL filled in, and the (public) demo secret; starts it on first use. */
  resolve(settings: AccountSettings): Promise<{ settings: AccountSettings; secret: string }>;
  /** True once the emulator behind this provider runs (nothing is loaded before first use). */
  isStarted(provider: AccountSettings['provider']): boolean;
  /** Has the emulator behind this provider receive one fax (starting it if needed), kept across restarts. */
  receiveTestFax?(provider: AccountSettings['provider']): Promise<void>;
  close(): Promise<void>;
}
