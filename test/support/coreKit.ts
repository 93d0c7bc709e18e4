import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySecretStore, type SecretStore } from '../../main/core/accounts/secretStore';
import { createCore, type Core, type CoreOptions } from '../../main/core/app';
import { createLogger, type LogLevel } from '../../main/core/log';
import { pdfBytes } from './testKit';

export interface CoreHarness {
  core: Core;
  dataDir: string;
  logLines: Array<{ level: LogLevel; line: string }>;
  secrets: SecretStore;
  close(): Promise<void>;
}

/** A real core on a temp data folder, with every log line captured. */
export function startTestCore(options: Partial<CoreOptions> = {}): CoreHarness {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-core-'));
  const logLines: CoreHarness['logLines'] = [];
  const secrets = options.secretStore ?? new InMemorySecretStore();
  const core = createCore({
    dataDir,
    secretStore: secrets,
    host: 'web-bridge',
    version: '0.0.0-test',
    logger: createLogger((level, line) => logLines.push({ level, line })),
    pollIntervalMs: 100,
    demo: { sinchPort: 0, speed: 20 },
    ...options,
  });
  return {
    core, dataDir, logLines, secrets,
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function makePdfBytes(pages = 1, text = 'Faxdesk test page'): Promise<Uint8Array> {
  return pdfBytes({ pages, text });
}

export { waitFor } from './testKit';
