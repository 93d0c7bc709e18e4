import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../../main/core/accounts/secretStore';

/**
 * Secrets in a JSON file, for tests that restart the core in a new process on the same data folder
 * (the keychain itself is tested against a real Secret Service in test/keychain).
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  private read(): Record<string, string> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {};
  }

  async get(key: string): Promise<string | undefined> {
    return this.read()[key];
  }

  async set(key: string, value: string): Promise<void> {
    writeFileSync(this.file, JSON.stringify({ ...this.read(), [key]: value }));
  }

  async delete(key: string): Promise<boolean> {
    const all = this.read();
    if (!(key in all)) return false;
    delete all[key];
    writeFileSync(this.file, JSON.stringify(all));
    return true;
  }
}
