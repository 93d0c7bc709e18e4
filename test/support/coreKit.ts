import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { InMemorySecretStore, type SecretStore } from '../../main/core/accounts/secretStore';
import { createCore, type Core, type CoreOptions } from '../../main/core/app';
import { createLogger, type LogLevel } from '../../main/core/log';

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

export async function makePdfBytes(pages = 1, text = 'Faxdesk test page'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${text} ${i}/${pages}`, { x: 72, y: 700, size: 14, font });
  return doc.save();
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
