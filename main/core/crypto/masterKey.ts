import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../accounts/secretStore';

/** The keychain entry holding the key that wraps every stored document's own key. */
export const MASTER_KEY_SECRET = 'files:masterKey';

/**
 * The master key, from the SecretStore (the OS keychain in the app), made on first use. It never
 * touches the data folder. Asked once per run: every caller shares the one lookup, so two first
 * writes cannot make two keys.
 */
export function masterKeyFrom(secrets: SecretStore): () => Promise<Buffer> {
  let key: Promise<Buffer> | undefined;
  return () => (key ??= load(secrets).catch((error: unknown) => {
    key = undefined; // a locked keychain may open later: ask again next time
    throw error;
  }));
}

async function load(secrets: SecretStore): Promise<Buffer> {
  const stored = await secrets.get(MASTER_KEY_SECRET);
  if (stored) {
    const key = Buffer.from(stored, 'base64');
    if (key.length === 32) return key;
    throw new Error('The keychain entry for Faxdesk’s file key is not a 256-bit key.');
  }
  const fresh = randomBytes(32);
  await secrets.set(MASTER_KEY_SECRET, fresh.toString('base64'));
  return fresh;
}
