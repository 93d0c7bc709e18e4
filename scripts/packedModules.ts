import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';

/**
 * The production packages of package-lock.json that a packaged app lacks (in neither app.asar nor
 * app.asar.unpacked). electron-builder collects them with `npm ls`; a node_modules it cannot read
 * as a normal tree (a symlink, a stale install) silently gives an app that crashes on first use.
 * Optional packages for other platforms (sharp's per-OS binaries) are not expected.
 */
export function missingFromPackage(root: string, resourcesDir: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean; peer?: boolean }> };
  const packed = new Set(listPackage(join(resourcesDir, 'app.asar'), { isPack: false }).map((path) => path.replace(/\\/g, '/')));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.peer && !(entry.optional && !existsSync(join(root, path))))
    .map(([path]) => path)
    .filter((path) => !packed.has(`/${path}`) && !existsSync(join(resourcesDir, 'app.asar.unpacked', path)));
}
