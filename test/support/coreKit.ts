import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySecretStore, type SecretStore } from '../../main/core/accounts/secretStore';
import { composeCore, type Core, type CoreOptions, type CoreServices } from '../../main/core/app';
import { createLogger, type LogLevel } from '../../main/core/log';
import { createDemoEnvironment, type DemoOptions, type RunningDemo } from '../../main/demo/demoEnvironment';
import { pdfBytes } from './testKit';

export interface CoreHarness {
  core: Core;
  /** The parts behind the Core, for assertions the IPC surface does not offer. */
  services: CoreServices;
  /** The demo emulators handed to the core, unless the test turned them off. */
  demo?: RunningDemo;
  dataDir: string;
  logLines: Array<{ level: LogLevel; line: string }>;
  secrets: SecretStore;
  close(): Promise<void>;
}

export interface TestCoreOptions extends Partial<Omit<CoreOptions, 'demo'>> {
  /** Demo emulators (fast lifecycle by default); `false` for a core with real accounts only. */
  demo?: DemoOptions | false;
}

/** A real core on a temp data folder (or the given one), with every log line captured. */
export function startTestCore(options: TestCoreOptions = {}): CoreHarness {
  const { demo: demoOptions, ...rest } = options;
  const dataDir = rest.dataDir ?? mkdtempSync(join(tmpdir(), 'faxdesk-core-'));
  const logLines: CoreHarness['logLines'] = [];
  const secrets = rest.secretStore ?? new InMemorySecretStore();
  const demo = demoOptions === false ? undefined : createDemoEnvironment({ sinchPort: 0, speed: 20, stateDir: join(dataDir, 'demo-emulators'), ...demoOptions });
  const { core, services } = composeCore({
    dataDir,
    secretStore: secrets,
    host: 'web-bridge',
    version: '0.0.0-test',
    logger: createLogger((level, line) => logLines.push({ level, line })),
    followIntervalMs: 100,
    jobs: { pollMs: 200, leaseMs: 3_000, backoff: { baseMs: 50, maxMs: 500 } },
    ...rest,
    demo,
  });
  return {
    core, services, demo, dataDir, logLines, secrets,
    async close() {
      await core.close();
      if (!rest.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function makePdfBytes(pages = 1, text = 'Faxdesk test page'): Promise<Uint8Array> {
  return pdfBytes({ pages, text });
}

export { waitFor } from './testKit';
