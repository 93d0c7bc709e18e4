import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The per-folder import rules of DESIGN §1, checked against the project's real ESLint config. */
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules', () => {
  it.each([
    ['main/core/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/core/probe.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
    ['main/core/probe.ts', "import { startShell } from '../shell/index';\nexport const s = startShell;"],
    ['common/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['common/probe.ts', "import { createCore } from '../main/core/app';\nexport const c = createCore;"],
    ['renderer/probe.tsx', "import { createCore } from '../main/core/app';\nexport const c = createCore;"],
    ['renderer/probe.tsx', "import { join } from 'node:path';\nexport const j = join;"],
    ['renderer/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['main/shell/probe.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
  ])('refuses the wrong-way import in %s: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['main/core/probe.ts', "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport const a = [readFileSync, z];"],
    ['main/shell/probe.ts', "import { app } from 'electron';\nimport { createCore } from '../core/app';\nexport const a = [app, createCore];"],
    ['main/shell/keytarSecretStore.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
    ['renderer/probe.tsx', "import { checkFaxNumber } from '../common/domain/phone';\nexport const c = checkFaxNumber;"],
  ])('allows the right-way import in %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
