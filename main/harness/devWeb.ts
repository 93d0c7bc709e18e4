import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCore } from '../core/app';
import { createDemoEnvironment, demoPortsFromEnv } from '../demo/demoEnvironment';
import { startBridgeServer } from './bridgeServer';
import { devSecretStore } from './devSecretStore';

/**
 * `npm run dev:web`: the real renderer against the real core in any browser, for machines without
 * the Electron runtime and for the e2e tests. Secrets are kept in memory for the run only (and so
 * is the documents' master key, unless FAXDESK_DEV_INSECURE_KEY=1: see devSecretStore.ts).
 */
const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 5180);
const dataDir = resolve(process.env.FAXDESK_DATA_DIR ?? join(root, '.faxdesk-data', 'web'));
const speed = process.env.FAXDESK_DEMO_SPEED ? Number(process.env.FAXDESK_DEMO_SPEED) : 1;

mkdirSync(dataDir, { recursive: true });
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
// The demo emulators keep their received faxes in the data folder, like a real service across a restart.
const demo = createDemoEnvironment({ ...demoPortsFromEnv(), speed, stateDir: join(dataDir, 'demo-emulators') });
// Started now, not on first use: the printed URLs are where tests and people reach the control API.
const demoUrl = await demo.sinchUrl();
const demoWelkinUrl = await demo.welkinUrl();
const core = createCore({
  dataDir,
  secretStore: devSecretStore(dataDir),
  host: 'web-bridge',
  version: pkg.version,
  demo,
  checkAccountsOnStart: true,
});
const bridge = await startBridgeServer({
  core,
  // Upload bodies are plain until the core seals them: in the core's private temp folder (emptied at start-up).
  uploadDir: join(dataDir, 'private-tmp', 'uploads'),
  rendererDir: join(root, 'out', 'renderer'),
  bridgeScript: join(root, 'out', 'harness', 'webBridge.js'),
  port,
});
console.log(`Faxdesk (dev bridge) at ${bridge.url}`);
console.log(`  data folder: ${dataDir}`);
console.log(`  demo Sinch emulator: ${demoUrl}`);
console.log(`  demo Welkin emulator: ${demoWelkinUrl}`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await bridge.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
