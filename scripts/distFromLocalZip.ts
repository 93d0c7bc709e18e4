import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fuseMismatches, packagedBinaries } from './fuses';
import { missingFromPackage } from './packedModules';

/**
 * `npm run dist`: packages Faxdesk's unpacked `dir` target without downloading anything, from an
 * Electron zip already on this machine (electron-builder's `electronDist`). Where no zip is found
 * it says where to put one and exits 0, so a machine without one is not a failure.
 *
 * The zip: electron-v<version>-<platform>-<arch>.zip from Electron's GitHub releases, the version
 * of node_modules/electron. Looked for at $ELECTRON_ZIP (a file), then in $ELECTRON_ZIP_DIR,
 * ./electron-dist/ and Electron's own download cache (~/.cache/electron, and one level below it).
 */
const root = resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const platform = process.env.ELECTRON_PLATFORM ?? process.platform;
const arch = process.env.ELECTRON_ARCH ?? process.arch;
const zipName = `electron-v${version}-${platform}-${arch}.zip`;
const builderPlatform = ({ linux: '--linux', win32: '--win', darwin: '--mac' } as Record<string, string>)[platform];

function findZip(): string | undefined {
  if (process.env.ELECTRON_ZIP) return existsSync(process.env.ELECTRON_ZIP) ? resolve(process.env.ELECTRON_ZIP) : undefined;
  const cache = process.env.electron_config_cache ?? join(homedir(), process.platform === 'darwin' ? 'Library/Caches/electron' : '.cache/electron');
  for (const dir of [process.env.ELECTRON_ZIP_DIR, join(root, 'electron-dist'), cache].filter((d): d is string => !!d && existsSync(d))) {
    if (existsSync(join(dir, zipName))) return join(dir, zipName);
    // @electron/get keeps each download in a folder named by a hash of its URL.
    for (const sub of readdirSync(dir)) {
      const candidate = join(dir, sub, zipName);
      if (statSync(join(dir, sub)).isDirectory() && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const run = (command: string, args: string[]) => {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!builderPlatform) {
  console.log(`dist: electron-builder does not package for ${platform}; nothing done.`);
  process.exit(0);
}
const zip = findZip();
if (!zip) {
  console.log([
    `dist: no local Electron zip (${zipName}), so nothing was packaged.`,
    `  Put it at ./electron-dist/${zipName}, or point ELECTRON_ZIP at it, then run \`npm run dist\` again.`,
    '  (On a machine that can download Electron, `npx electron-builder` builds the installers directly.)',
  ].join('\n'));
  process.exit(0);
}
console.log(`dist: packaging the dir target from ${zip}`);
run('electron-vite', ['build']);
// Native modules (keytar, sharp) are N-API: the same binary loads in Node and Electron, so no
// rebuild (which would download Electron's headers) is needed for this offline build.
run('electron-builder', [builderPlatform, 'dir', '--publish', 'never', `-c.electronDist=${zip}`, '-c.npmRebuild=false']);
const resources = join(root, 'release', `${({ win32: 'win', darwin: 'mac' } as Record<string, string>)[platform] ?? 'linux'}-unpacked`, 'resources');
if (existsSync(resources)) {
  const missing = missingFromPackage(root, resources);
  if (missing.length > 0) {
    console.error(`dist: the packaged app lacks ${missing.length} production package(s) it needs, so it would fail at run time:\n  ${missing.join('\n  ')}\n`
      + '  electron-builder found them with `npm ls`, which needs node_modules to be a plain folder (not a symlink): run `npm ci` in this checkout.');
    process.exit(1);
  }
  console.log('dist: every production package of package-lock.json is in the package.');
}
for (const binary of packagedBinaries(root)) {
  const mismatches = await fuseMismatches(binary);
  if (mismatches.length > 0) {
    console.error(`dist: the fuses of ${binary} are not as shipped:\n  ${mismatches.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dist: ${binary} — fuses as shipped.`);
}
