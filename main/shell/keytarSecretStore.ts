import { KEYCHAIN_SERVICE, type SecretStore } from '../core/accounts/secretStore';

type Keytar = typeof import('keytar');

/**
 * The OS keychain behind the SecretStore port: the only file that imports keytar, and lazily, so
 * a missing libsecret shows a clear start-up error instead of a crash at import time.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(private readonly service: string = KEYCHAIN_SERVICE, private readonly load: () => Promise<Keytar> = loadKeytar) {}

  private lib(): Promise<Keytar> {
    this.keytar ??= this.load();
    return this.keytar;
  }

  async get(key: string): Promise<string | undefined> {
    return (await (await this.lib()).getPassword(this.service, key)) ?? undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await (await this.lib()).setPassword(this.service, key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.lib()).deletePassword(this.service, key);
  }

  /** Start-up probe: loads the module and talks to the keychain once. */
  async probe(): Promise<void> {
    await (await this.lib()).findCredentials(this.service);
  }
}

async function loadKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar };
  return mod.default ?? mod;
}
