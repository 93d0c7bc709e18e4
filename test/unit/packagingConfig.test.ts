import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_FUSES, fuseMismatches, packagedBinaries } from '../../scripts/fuses';
import { missingFromPackage } from '../../scripts/packedModules';

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

type BuilderConfig = Record<string, unknown> & {
  linux?: { target?: unknown; icon?: string }; mac?: { target?: unknown; icon?: string }; win?: { target?: unknown; icon?: string };
  publish?: { provider?: string; url?: string }; electronFuses?: Record<string, boolean>; nsis?: { include?: string };
};
const builderConfig = async () => {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string | null, extra: null): Promise<BuilderConfig>;
  };
  return getConfig(root, resolve(root, 'electron-builder.yml'), null);
};

describe('installers and updates (issue 12)', () => {
  it('builds NSIS for Windows, DMG and zip for macOS, AppImage and deb for Linux, each with the app icon', async () => {
    const config = await builderConfig();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']); // electron-updater updates a Mac from the zip
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) expect(existsSync(resolve(root, icon!)), icon).toBe(true);
  });

  it('the Windows installer adds "Send to → Faxdesk" and removes it on uninstall', async () => {
    const { nsis } = await builderConfig();
    const script = readFileSync(resolve(root, nsis!.include!), 'utf8');
    expect(script).toMatch(/!macro customInstall[\s\S]*CreateShortCut "\$SENDTO\\Faxdesk\.lnk" "\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}"[\s\S]*!macroend/);
    expect(script).toMatch(/!macro customUnInstall[\s\S]*Delete "\$SENDTO\\Faxdesk\.lnk"[\s\S]*!macroend/);
  });

  it('publishes to a generic feed, so the build writes latest*.yml and app-update.yml', async () => {
    const { publish } = await builderConfig();
    expect(publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
  });

  it('commits no signing secret: certificates and Apple credentials come from the environment only', async () => {
    const text = readFileSync(resolve(root, 'electron-builder.yml'), 'utf8');
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'appleId', 'appleIdPassword', 'teamId', 'keychain']) {
      expect(text, key).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
    }
    expect(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))).not.toHaveProperty('build');
  });
});

describe('Electron fuses (issue 12)', () => {
  it('are configured as Faxdesk ships them', async () => {
    expect((await builderConfig()).electronFuses).toEqual(EXPECTED_FUSES);
  });

  it('flip a binary with Electron’s default fuses to exactly that, through electron-builder’s own mapping', async () => {
    // A stand-in for the Electron binary: its fuse wire as Electron 45 ships it (runAsNode, NODE_OPTIONS, --inspect and file:// privileges on).
    const dir = mkdtempSync(join(tmpdir(), 'faxdesk-fuses-'));
    const binary = join(dir, 'faxdesk');
    writeFileSync(binary, Buffer.concat([Buffer.from('\u007fELF…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.from('…')]));
    try {
      expect(await fuseMismatches(binary)).toEqual([
        'runAsNode is on, expected off', 'enableNodeOptionsEnvironmentVariable is on, expected off', 'enableNodeCliInspectArguments is on, expected off',
        'enableCookieEncryption is off, expected on', 'enableEmbeddedAsarIntegrityValidation is off, expected on', 'onlyLoadAppFromAsar is off, expected on',
        'grantFileProtocolExtraPrivileges is on, expected off',
      ]);
      const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<unknown> } } };
      const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call(null, (await builderConfig()).electronFuses);
      const { flipFuses } = require('@electron/fuses') as { flipFuses(path: string, config: unknown): Promise<unknown> };
      await flipFuses(binary, fuseConfig);
      expect(await fuseMismatches(binary)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const packaged = packagedBinaries(root);
  if (packaged.length === 0) console.info('fuses: no packaged binary under release/ (`npm run dist` with a local Electron zip makes one): the packaged-binary check is skipped.');
  it.skipIf(packaged.length === 0)('are set in the packaged binary (@electron/fuses read)', async () => {
    for (const binary of packaged) expect(await fuseMismatches(binary), binary).toEqual([]);
  });
});

describe('the packaged app’s modules', () => {
  it('names each production package of the lockfile that the asar lacks, leaving out dev and other platforms’ optional ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faxdesk-packed-'));
    try {
      const app = join(dir, 'app');
      for (const name of ['packed', 'native']) mkdirSync(join(app, 'node_modules', name), { recursive: true });
      for (const name of ['packed', 'native']) writeFileSync(join(app, 'node_modules', name, 'index.js'), '');
      const resources = join(dir, 'resources');
      mkdirSync(join(resources, 'app.asar.unpacked/node_modules/native'), { recursive: true });
      const { createPackage } = require('@electron/asar') as { createPackage(src: string, dest: string): Promise<void> };
      rmSync(join(app, 'node_modules/native'), { recursive: true });
      await createPackage(app, join(resources, 'app.asar'));
      writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: {
        '': {}, 'node_modules/packed': {}, 'node_modules/native': {}, 'node_modules/forgotten': {}, 'node_modules/forgotten/node_modules/nested': {},
        'node_modules/a-dev-tool': { dev: true }, 'node_modules/@img/sharp-darwin-arm64': { optional: true },
      } }));
      expect(missingFromPackage(dir, resources)).toEqual(['node_modules/forgotten', 'node_modules/forgotten/node_modules/nested']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
