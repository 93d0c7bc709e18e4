/** One Electronegativity finding, from its SARIF report, and which scan found it. */
export interface Finding { scan: 'source' | 'build'; check: string; file: string; location: string; message: string }

/** A finding Faxdesk keeps, and why (electronegativity-false-positives.json). `file` is a regular expression. */
export interface Explained { scan: 'source' | 'build'; check: string; file: string; reason: string }

interface SarifResult {
  ruleId: string;
  message?: { text?: string };
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }>;
}

/**
 * The SARIF report (one JSON write; its CSV writer races the header against the rows and can
 * garble the file). A global check's finding has no file: its uri is file:///.
 */
export function parseReport(sarif: string, scan: Finding['scan']): Finding[] {
  const report = JSON.parse(sarif) as { runs: Array<{ results: SarifResult[] }> };
  return report.runs.flatMap((run) => run.results).map((result) => {
    const where = result.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri ?? '';
    return {
      scan, check: result.ruleId, file: uri === 'file:///' ? 'N/A' : uri,
      location: `${where?.region?.startLine ?? 0}:${where?.region?.startColumn ?? 0}`, message: result.message?.text ?? '',
    };
  });
}

const explains = (entry: Explained, finding: Finding) =>
  entry.scan === finding.scan && entry.check === finding.check && new RegExp(`^(?:${entry.file})$`).test(finding.file);

/**
 * Findings no entry explains (each must be fixed or explained), and entries that explain nothing
 * any more (the code changed: the entry goes, so the list never vouches for code it has not seen).
 */
export function review(findings: Finding[], explained: Explained[]): { unexplained: Finding[]; stale: Explained[] } {
  for (const entry of explained) {
    if (entry.reason.trim().length < 20) throw new Error(`electronegativity-false-positives.json: ${entry.check} on ${entry.file} needs a reason`);
  }
  return {
    unexplained: findings.filter((finding) => !explained.some((entry) => explains(entry, finding))),
    stale: explained.filter((entry) => !findings.some((finding) => explains(entry, finding))),
  };
}
