import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { iconFiles } from './iconSet';

/** `npm run icons`: renders build/icon.svg to every platform's icon files (committed; rerun after editing the SVG). */
const root = resolve(import.meta.dirname, '..');
const files = await iconFiles(readFileSync(resolve(root, 'build/icon.svg')));
for (const [path, bytes] of files) {
  mkdirSync(dirname(resolve(root, path)), { recursive: true });
  writeFileSync(resolve(root, path), bytes);
  console.log(`${path}  ${bytes.length.toLocaleString()} bytes`);
}
