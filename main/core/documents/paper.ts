import type { PaperSize } from '../../../common/domain/document';

/** Countries of the North American Numbering Plan, and others that use US Letter paper. */
const LETTER_REGIONS = new Set([
  'US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP', 'BS', 'BB', 'AI', 'AG', 'VG', 'KY', 'BM', 'GD', 'TC', 'MS', 'SX', 'LC', 'DM',
  'VC', 'TT', 'KN', 'JM', 'DO', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'SV', 'NI', 'HN',
]);

let region: { value: string | undefined } | undefined;

/** The region of the computer's locale ("en-US" → "US"), if it names one; worked out once (it is not cheap). */
export function systemRegion(): string | undefined {
  if (region) return region.value;
  try {
    region = { value: new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize().region };
  } catch {
    region = { value: undefined };
  }
  return region.value;
}

/** The page size images, scans and text are laid out on: the setting, or the office's region for 'auto'. */
export function resolvePaper(setting: PaperSize, region = systemRegion()): 'letter' | 'a4' {
  if (setting !== 'auto') return setting;
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}
