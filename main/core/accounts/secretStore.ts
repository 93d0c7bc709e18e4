/**
 * The port behind which secrets live (Bitwarden's pattern). In the app the adapter is the OS
 * keychain (main/shell/keytarSecretStore.ts); tests use the in-memory store or a real Secret Service.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Returns true when something was deleted. */
  delete(key: string): Promise<boolean>;
}

/** Service name under which every Faxdesk secret is filed in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Faxdesk';

export const accountSecretKey = (accountId: string) => `account:${accountId}`;

export class InMemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(key);
  }
}
