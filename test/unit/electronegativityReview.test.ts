import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Explained, parseReport, review } from '../../scripts/electronegativityFindings';

/**
 * How `npm run security:electronegativity` judges a report: every finding explained, every
 * explanation still matching a finding. (The scan itself runs in `npm test` over source and build.)
 */
const result = (ruleId: string, uri: string, line: number) => ({
  ruleId, level: 'warning', message: { text: `${ruleId} description` },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: 15, charLength: 60 } } }],
});
const sarif = JSON.stringify({
  version: '2.1.0',
  runs: [{ results: [
    result('SANDBOX_JS_CHECK', 'main/shell/window.ts', 40),
    result('DANGEROUS_FUNCTIONS_JS_CHECK', 'renderer/assets/DocxPreview-4EaCCDwG.js', 15),
    result('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'file:///', 1),
  ] }],
});
const because = 'a reason that is long enough to read';

describe('Electronegativity review', () => {
  it('reads the SARIF report; a global check has no file', () => {
    expect(parseReport(sarif, 'build')).toEqual([
      { scan: 'build', check: 'SANDBOX_JS_CHECK', file: 'main/shell/window.ts', location: '40:15', message: 'SANDBOX_JS_CHECK description' },
      expect.objectContaining({ check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/DocxPreview-4EaCCDwG.js' }),
      expect.objectContaining({ check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: 'N/A' }),
    ]);
  });

  it('passes findings that are explained for their scan, check and file (a pattern, for hashed chunk names)', () => {
    const findings = parseReport(sarif, 'build').slice(0, 2);
    const explained: Explained[] = [
      { scan: 'build', check: 'SANDBOX_JS_CHECK', file: 'main/shell/window\\.ts', reason: because },
      { scan: 'build', check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/DocxPreview-[\\w-]+\\.js', reason: because },
    ];
    expect(review(findings, explained)).toEqual({ unexplained: [], stale: [] });
  });

  it('fails a finding explained for another scan, check or file, and an entry that matches nothing', () => {
    const findings = parseReport(sarif, 'source').slice(0, 2);
    const explained: Explained[] = [
      { scan: 'build', check: 'SANDBOX_JS_CHECK', file: 'main/shell/window\\.ts', reason: because },
      { scan: 'source', check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/Other-[\\w-]+\\.js', reason: because },
    ];
    const { unexplained, stale } = review(findings, explained);
    expect(unexplained.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK', 'DANGEROUS_FUNCTIONS_JS_CHECK']);
    expect(stale).toHaveLength(2);
  });

  it('refuses an entry without a reason', () => {
    expect(() => review([], [{ scan: 'build', check: 'SANDBOX_JS_CHECK', file: 'x', reason: 'ok' }])).toThrow(/needs a reason/);
  });

  it('the checked-in list gives every entry a reason', () => {
    const list = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../electronegativity-false-positives.json'), 'utf8')) as Explained[];
    expect(list.length).toBeGreaterThan(0);
    expect(() => review([], list)).not.toThrow();
  });
});
