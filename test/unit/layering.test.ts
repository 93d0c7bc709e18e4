import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer allow-list of DESIGN §2 (eslint-plugin-local/code-layering.ts), checked through the
 * project's real ESLint config: every forbidden direction fails, every allowed one passes.
 */
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/code-layering').map((m) => m.message);
}

/** [importing file, source, a fragment the one error must contain]. */
const forbidden: Array<[string, string, string]> = [
  // common: zod and named pure packages only.
  ['common/probe.ts', "import { readFileSync } from 'node:fs';", "'node:fs' (node:*)"],
  ['common/probe.ts', "import { join } from 'path';", "'path' (node:*)"],
  ['common/probe.ts', "import { createCore } from '../main/core/app';", 'is main/core'],
  ['common/probe.ts', "import { startSinchEmulator } from '../main/emulators/sinch/index';", 'is main/emulators'],
  ['common/probe.ts', "import { App } from '../renderer/App';", 'is renderer'],
  ['common/probe.ts', "import type { FaxdeskApi } from '../preload/index';", 'is preload'],
  ['common/probe.ts', "import { create } from 'zustand';", "'zustand' (zustand)"],
  // main/core: common, node, named packages; nothing above it and never the emulators.
  ['main/core/probe.ts', "import { startSinchEmulator } from '../emulators/sinch/index';", 'is main/emulators'],
  ['main/core/providers/probe.ts', "export { startWelkinEmulator } from '../../emulators/welkin/index';", 'is main/emulators'],
  ['main/core/probe.ts', "export * from '../emulators/shared/faults';", 'is main/emulators'],
  ['main/core/probe.ts', "export const load = () => import('../emulators/welkin/index');", 'is main/emulators'],
  ['main/core/probe.ts', "import type { FaultConfig } from '../emulators/shared/faults';", 'is main/emulators'],
  ['main/core/probe.ts', "export type Emulator = typeof import('../emulators/sinch/index');", 'is main/emulators'],
  ['main/core/probe.ts', "import { startDemo } from '../demo/demoEmulators';", 'is main/demo'],
  ['main/core/probe.ts', "import { startShell } from '../shell/index';", 'is main/shell'],
  ['main/core/probe.ts', "import { startBridgeServer } from '../harness/bridgeServer';", 'is main/harness'],
  ['main/core/probe.ts', "import { App } from '../../renderer/App';", 'is renderer'],
  ['main/core/probe.ts', "import '../../preload/index';", 'is preload'],
  ['main/core/probe.ts', "import { app } from 'electron';", "'electron' (electron)"],
  ['main/core/probe.ts', "import keytar from 'keytar';", "'keytar' (keytar)"],
  ['main/core/probe.ts', "const electron = require('electron');\nexport { electron };", "'electron' (electron)"],
  ['main/core/probe.ts', "import electron = require('electron');\nexport { electron };", "'electron' (electron)"],
  ['main/core/probe.ts', 'const name = "x";\nexport const load = () => import(name);', 'computed at run time'],
  // main/demo: main/core only as types; the emulators, common and node as values.
  ['main/demo/probe.ts', "import { createCore } from '../core/app';", 'types only: use `import type`'],
  ['main/demo/probe.ts', "import { startShell } from '../shell/index';", 'is main/shell'],
  ['main/demo/probe.ts', "import { app } from 'electron';", "'electron' (electron)"],
  // main/emulators: never main/core.
  ['main/emulators/probe.ts', "import { SinchProvider } from '../core/providers/sinch/sinchProvider';", 'is main/core'],
  ['main/emulators/sinch/probe.ts', "import type { RemoteFax } from '../../core/providers/faxProvider';", 'is main/core'],
  ['main/emulators/probe.ts', "import { startDemo } from '../demo/demoEmulators';", 'is main/demo'],
  ['main/emulators/probe.ts', "import { app } from 'electron';", "'electron' (electron)"],
  // main/shell: keytar in one file only; never the page or preload.
  ['main/shell/probe.ts', "import keytar from 'keytar';", "'keytar' (keytar)"],
  ['main/shell/probe.ts', "import { App } from '../../renderer/App';", 'is renderer'],
  ['main/shell/probe.ts', "import '../../preload/index';", 'is preload'],
  // main/harness (Node half): the core and the demo, not the shell, the emulators or electron.
  ['main/harness/probe.ts', "import { createWindow } from '../shell/window';", 'is main/shell'],
  ['main/harness/probe.ts', "import { startSinchEmulator } from '../emulators/sinch/index';", 'is main/emulators'],
  ['main/harness/probe.ts', "import { app } from 'electron';", "'electron' (electron)"],
  // main/harness browser half: common only, as the page.
  ['main/harness/webBridge.ts', "import { createServer } from 'node:http';", "'node:http' (node:*)"],
  ['main/harness/webBridge.ts', "import { createCore } from '../core/app';", 'is main/core'],
  // preload: common and electron.
  ['preload/probe.ts', "import { createCore } from '../main/core/app';", 'is main/core'],
  ['preload/probe.ts', "import { readFileSync } from 'node:fs';", "'node:fs' (node:*)"],
  // renderer: common and browser packages; no Node, nothing of main or preload, no electron.
  ['renderer/probe.tsx', "import { join } from 'node:path';", "'node:path' (node:*)"],
  ['renderer/probe.tsx', "import { readFile } from 'fs/promises';", "'fs/promises' (node:*)"],
  ['renderer/probe.tsx', "import { createCore } from '../main/core/app';", 'is main/core'],
  ['renderer/features/probe.tsx', "import { startSinchEmulator } from '../../main/emulators/sinch/index';", 'is main/emulators'],
  ['renderer/probe.tsx', "import '../preload/index';", 'is preload'],
  ['renderer/probe.tsx', "import { ipcRenderer } from 'electron';", "'electron' (electron)"],
  ['renderer/probe.tsx', "import { describe } from 'vitest';", "'vitest' (vitest)"],
  // A folder nobody placed in a layer is refused as a whole.
  ['unplaced/probe.ts', 'export const x = 1;', 'belongs to no layer'],
];

const allowed: Array<[string, string]> = [
  ['common/probe.ts', "import { z } from 'zod';\nimport { parsePhoneNumber } from 'libphonenumber-js/min';\nimport { ok } from './ipc/result';"],
  ['main/core/probe.ts', "import { readFileSync } from 'node:fs';\nimport { createHash } from 'crypto';\nimport { z } from 'zod';\nimport { PDFDocument } from 'pdf-lib';\nimport { checkFaxNumber } from '../../common/domain/phone';\nimport { createLogger } from './log';"],
  ['main/core/probe.ts', "export const load = () => import('pdfjs-dist/legacy/build/pdf.mjs');"],
  ['main/demo/probe.ts', "import type { SecretStore } from '../core/accounts/secretStore';\nimport { startSinchEmulator } from '../emulators/sinch/index';\nimport type { Account } from '../../common/domain/account';\nimport { createServer } from 'node:net';"],
  ['main/demo/probe.ts', "export type Core = typeof import('../core/app');"],
  ['main/emulators/probe.ts', "import Busboy from 'busboy';\nimport { PDFDocument } from 'pdf-lib';\nimport { createServer } from 'node:http';\nimport { z } from 'zod';\nimport { MAX_DOCUMENT_BYTES } from '../../common/domain/fax';"],
  ['main/shell/probe.ts', "import { app } from 'electron';\nimport { createCore } from '../core/app';\nimport { startDemo } from '../demo/demoEmulators';\nimport { join } from 'node:path';"],
  ['main/shell/keytarSecretStore.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
  ['main/harness/probe.ts', "import { createCore } from '../core/app';\nimport { startDemo } from '../demo/demoEmulators';\nimport { defineConfig } from 'vite';\nimport { createServer } from 'node:http';"],
  ['main/harness/webBridge.ts', "import { createBridge } from '../../common/ipc/bridge';"],
  ['preload/probe.ts', "import { contextBridge } from 'electron';\nimport { createBridge } from '../common/ipc/bridge';"],
  ['renderer/probe.tsx', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { createStore } from 'zustand/vanilla';\nimport worker from 'pdfjs-dist/build/pdf.worker.min.mjs?url';\nimport { checkFaxNumber } from '../common/domain/phone';"],
  ['renderer/store/probe.test.ts', "import { describe } from 'vitest';\nimport { computeSendPlan } from './sendPlan';"],
  ['test/unit/probe.test.ts', "import { app } from 'electron';\nimport { startSinchEmulator } from '../../main/emulators/sinch/index';\nconst name = 'x';\nexport const load = () => import(name);"],
  ['bench/probe.ts', "import { createCore } from '../main/core/app';\nimport { PDFDocument } from 'pdf-lib';"],
];

describe('layering: each folder imports only what its layer allows', () => {
  it.each(forbidden)('refuses in %s: %s', async (file, code, fragment) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(fragment);
  });

  it.each(allowed)('allows in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
