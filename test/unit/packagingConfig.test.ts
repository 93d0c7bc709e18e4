import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot package here (no Electron binary), but its configuration can be
 * validated against its own schema, so a bad key fails `npm test` rather than a release build.
 */
const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('unpacks sharp and its libvips from the asar, so the document converter can load them', async () => {
    const { getConfig } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<{ asarUnpack?: string[] }>;
    };
    const { asarUnpack = [] } = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    expect(asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/sharp/**/*', '**/node_modules/@img/**/*']));
    // What those patterns must catch in this install: sharp's binding and libvips.
    const { globSync } = await import('node:fs');
    const natives = globSync('node_modules/@img/sharp-*/**/*.{node,so*}', { cwd: root });
    expect(natives.some((file) => file.endsWith('.node'))).toBe(true);
    expect(natives.some((file) => /libvips/.test(file))).toBe(true);
  });

  it('packages the built preload that the window points at', () => {
    expect(existsSync(resolve(root, 'out/preload/index.cjs'))).toBe(true);
  });

  it('packages the worker-thread entry the core looks for next to the main bundle', async () => {
    const { getConfig } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<{ files?: Array<string | { filter?: string[] }> }>;
    };
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    const patterns = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter ?? []));
    expect(existsSync(resolve(root, 'out/main/taskWorker.js'))).toBe(true);
    expect(patterns).toContain('out/main/**');
  });
});

describe('file associations (issue 12: Open with, never the default viewer)', () => {
  it('registers PDF and TIFF as a viewer of alternate rank, with their MIME types', async () => {
    const { getConfig } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<{ fileAssociations?: Array<Record<string, unknown>> }>;
    };
    const { fileAssociations = [] } = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    const byExt = (ext: string) => fileAssociations.find((a) => [a.ext].flat().includes(ext));
    for (const [ext, mimeType] of [['pdf', 'application/pdf'], ['tif', 'image/tiff'], ['tiff', 'image/tiff']]) {
      expect(byExt(ext!), ext).toMatchObject({ role: 'Viewer', rank: 'Alternate', mimeType });
    }
    // Nothing claims to be the owner of a type (LSHandlerRank Owner or Default).
    expect(fileAssociations.every((a) => a.rank === 'Alternate')).toBe(true);
  });
});
