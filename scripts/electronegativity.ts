import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Explained, parseReport, review } from './electronegativityFindings';

/**
 * `npm run security:electronegativity` (part of `npm test`): Doyensec's Electronegativity over the
 * source (main, preload, renderer, common; tests left out) and over the build (out/). Every finding
 * must be fixed or explained in electronegativity-false-positives.json; an unexplained finding, or an
 * entry that no longer matches anything, fails. Without the package installed it says so and passes.
 */
const root = resolve(import.meta.dirname, '..');
let cli: string;
try {
  cli = join(dirname(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
} catch {
  console.log('electronegativity: @doyensec/electronegativity is not installed (a devDependency), so the scan was skipped.');
  process.exit(0);
}
if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('electronegativity: out/ is missing: run `npm run build` first (the built app is scanned too).');
  process.exit(1);
}
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'faxdesk-electronegativity-'));

/** One scan: the report's findings. */
function scan(input: string, name: 'source' | 'build') {
  const report = join(work, `${name}.sarif`);
  const run = spawnSync(process.execPath, [cli, '-i', input, '-r', '-v', 'false', '-e', electronVersion, '-o', report], { encoding: 'utf8', timeout: 300_000 });
  if (!existsSync(report)) throw new Error(`Electronegativity did not write its report for the ${name}:\n${run.stdout}\n${run.stderr}`);
  return parseReport(readFileSync(report, 'utf8'), name);
}

try {
  // The source as one app (its index.html with the CSP, the shell, the preload), without the tests.
  const source = join(work, 'source');
  for (const dir of ['main', 'preload', 'renderer', 'common']) {
    cpSync(join(root, dir), join(source, dir), { recursive: true, filter: (path) => !/\.test\.tsx?$/.test(path) });
  }
  cpSync(join(root, 'package.json'), join(source, 'package.json'));
  const findings = [...scan(source, 'source'), ...scan(join(root, 'out'), 'build')];
  const explained = JSON.parse(readFileSync(join(root, 'electronegativity-false-positives.json'), 'utf8')) as Explained[];
  const { unexplained, stale } = review(findings, explained);
  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - unexplained.length} explained in electronegativity-false-positives.json.`);
  for (const finding of unexplained) console.error(`  unexplained: [${finding.scan}] ${finding.check} ${finding.file}:${finding.location}  ${finding.message}`);
  for (const entry of stale) console.error(`  stale entry (matches nothing now, remove it): [${entry.scan}] ${entry.check} ${entry.file}`);
  process.exitCode = unexplained.length > 0 || stale.length > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
