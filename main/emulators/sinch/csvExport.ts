/** CSV export of the fax list (@sinch/fax 1.5.0 `exportList`; header row from the mockserver, §5.3). */
const COLUMNS: Array<[string, (fax: Record<string, unknown>) => unknown]> = [
  ['Id', (f) => f.id], ['Direction', (f) => f.direction], ['From', (f) => f.from], ['To', (f) => f.to],
  ['Number Of Pages', (f) => f.numberOfPages], ['Status', (f) => f.status], ['Header Time Zone', (f) => f.headerTimeZone],
  ['Retry Delay Seconds', (f) => f.retryDelaySeconds], ['Resolution', (f) => f.resolution], ['Callback Url', (f) => f.callbackUrl],
  ['Callback Url Content Type', (f) => f.callbackUrlContentType], ['Error Type', (f) => f.errorType], ['Error Message', (f) => f.errorMessage],
  ['Error Code', (f) => f.errorCode], ['Project', (f) => f.projectId], ['Service', (f) => f.serviceId], ['Max Retries', (f) => f.maxRetries],
  ['Create Time', (f) => f.createTime], ['Header Text', (f) => f.headerText], ['Header Page Numbers', (f) => f.headerPageNumbers],
  ['Content Url', (f) => (Array.isArray(f.contentUrl) ? f.contentUrl.join(' ') : undefined)],
  ['Labels', (f) => (f.labels ? JSON.stringify(f.labels) : undefined)], ['Image Conversion Method', (f) => f.imageConversionMethod],
  ['Has File', (f) => f.hasFile], ['Currency Code', (f) => (f.price as { currencyCode?: string } | undefined)?.currencyCode],
  ['From Country', (f) => country(f.from)], ['To Country', (f) => country(f.to)],
];

export function toCsv(faxes: Array<Record<string, unknown>>): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const fax of faxes) lines.push(COLUMNS.map(([, pick]) => cell(pick(fax))).join(','));
  return `${lines.join('\n')}\n`;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Good enough for the emulator: NANP numbers are US, everything else unknown. */
function country(number: unknown): string {
  return typeof number === 'string' && number.startsWith('+1') ? 'US' : '';
}
