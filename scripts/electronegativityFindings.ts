import Papa from 'papaparse';

/** One Electronegativity finding, from its CSV report, and which scan found it. */
export interface Finding { scan: 'source' | 'build'; check: string; severity: string; file: string; location: string; sample: string }

/** A finding Faxdesk keeps, and why (electronegativity-false-positives.json). `file` is a regular expression. */
export interface Explained { scan: 'source' | 'build'; check: string; file: string; reason: string }

export function parseReport(csv: string, scan: Finding['scan']): Finding[] {
  const { data } = Papa.parse<Record<string, string>>(csv.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  return data.map((row) => ({
    scan, check: row.issue ?? '', severity: row.severity ?? '', file: row.filename ?? '', location: row.location ?? '', sample: (row.sample ?? '').slice(0, 160),
  }));
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
