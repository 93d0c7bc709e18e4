import { resolve } from 'node:path';
import { fuseMismatches, packagedBinaries } from './fuses';

/** `npm run fuses:check`: reads the fuses of each packaged binary under release/ (after `npm run dist`). */
const root = resolve(import.meta.dirname, '..');
const binaries = process.argv[2] ? [resolve(process.argv[2])] : packagedBinaries(root);
if (binaries.length === 0) {
  console.log('fuses: no packaged Faxdesk under release/ (run `npm run dist` with a local Electron zip first); nothing to check.');
  process.exit(0);
}
let failed = false;
for (const binary of binaries) {
  const mismatches = await fuseMismatches(binary);
  console.log(mismatches.length === 0 ? `fuses: ${binary}: as shipped (RunAsNode, NODE_OPTIONS, --inspect off; cookie encryption, asar integrity, asar only on)` : `fuses: ${binary}:\n  ${mismatches.join('\n  ')}`);
  failed ||= mismatches.length > 0;
}
process.exit(failed ? 1 : 0);
