import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemorySecretStore, type SecretStore } from '../core/accounts/secretStore';
import { MASTER_KEY_SECRET } from '../core/crypto/masterKey';

/**
 * dev:web's secrets: in memory for the run (there is no keychain to borrow), so by default the
 * documents a run stored cannot be read by the next one — they show as damaged. With
 * FAXDESK_DEV_INSECURE_KEY=1 the documents' master key (only it) is kept in the data folder in the
 * clear, for development and the e2e spec that restarts dev:web. Never the app's way: the shell
 * keeps it in the OS keychain.
 */
export function devSecretStore(dataDir: string, insecureKeyFile = process.env.FAXDESK_DEV_INSECURE_KEY === '1'): SecretStore {
  const memory = new InMemorySecretStore();
  if (!insecureKeyFile) return memory;
  const file = join(dataDir, 'dev-insecure-master-key');
  return {
    get: async (key) => (key === MASTER_KEY_SECRET ? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined) : memory.get(key)),
    set: async (key, value) => (key === MASTER_KEY_SECRET ? writeFileSync(file, value, { mode: 0o600 }) : memory.set(key, value)),
    delete: async (key) => memory.delete(key),
  };
}
