import type { AccountLimits } from '../../common/domain/account';
import type { DocumentInfo } from '../../common/domain/document';
import type { ComposePage } from './pageList';

type UploadDoc = { name: string; info: Pick<DocumentInfo, 'pages' | 'sentAs' | 'sentBytes' | 'contentType'> };

/** What one document brings to an upload: all its pages, or some (its size then estimated by their share). */
export interface UploadShare { name: string; bytes: number; whole: boolean }

/** One file the fax will upload to the provider, as the core will build it. */
export interface PlannedUpload {
  /** The documents whose pages it holds, in order of first page. */
  shares: UploadShare[];
  contentType: string;
  /** Exact for a document sent whole and unturned; else estimated from the pages' shares. */
  bytes: number;
}

/**
 * The files the core will upload for this page list (main/core/documents/faxContent.ts): each run
 * of consecutive pages becomes one PDF — the document itself when the run is all of it, unturned —
 * and a document sent as it is goes on its own, where it stands.
 */
export function planUploads(pages: readonly ComposePage[], docs: ReadonlyMap<string, UploadDoc>): PlannedUpload[] {
  const uploads: PlannedUpload[] = [];
  let run: Array<Extract<ComposePage, { kind: 'page' }>> = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = docs.get(run[0]!.docKey)!;
    const whole = run.length === first.info.pages && run.every((p, i) => p.docKey === run[0]!.docKey && p.page === i && p.rotation === 0);
    const counts = new Map<string, number>();
    for (const p of run) counts.set(p.docKey, (counts.get(p.docKey) ?? 0) + 1);
    const shares = [...counts].map(([key, n]) => {
      const { name, info } = docs.get(key)!;
      const all = Math.max(1, info.pages ?? 1);
      return { name, bytes: Math.round((info.sentBytes * n) / all), whole: n >= all };
    });
    const bytes = whole ? first.info.sentBytes : shares.reduce((sum, share) => sum + share.bytes, 0);
    uploads.push({ shares, contentType: 'application/pdf', bytes });
    run = [];
  };
  for (const page of pages) {
    if (page.kind === 'page') {
      run.push(page);
      continue;
    }
    flush();
    const doc = docs.get(page.docKey)!;
    uploads.push({ shares: [{ name: doc.name, bytes: doc.info.sentBytes, whole: true }], contentType: doc.info.contentType, bytes: doc.info.sentBytes });
  }
  flush();
  return uploads;
}

export const formatMb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const limitMb = (bytes: number) => formatMb(bytes).replace('.0 ', ' ');

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const namesOf = (upload: PlannedUpload) => upload.shares.map((share) => share.name);

/** How a person recognises an upload: its file, or the files whose pages make it up. */
function describe(upload: PlannedUpload): string {
  return upload.shares.length === 1 ? upload.shares[0]!.name : `The pages of ${joinNames(namesOf(upload))}`;
}

/** Why an upload is too big: the one document that is too big on its own if there is one, else the pages together. */
function tooBig(upload: PlannedUpload, limit: number): string {
  const alone = upload.shares.find((share) => share.bytes > limit);
  if (alone?.whole) return `${alone.name} is ${formatMb(alone.bytes)}`;
  if (alone) return `The pages kept of ${alone.name} come to about ${formatMb(alone.bytes)}`;
  return `The pages of ${joinNames(namesOf(upload))} make one file of about ${formatMb(upload.bytes)}`;
}

/**
 * What the account's provider would refuse, before anything is uploaded: one message per refusal,
 * naming the file, saying what to do. The core checks the same limits again when sending.
 */
export function limitProblems(uploads: readonly PlannedUpload[], limits: AccountLimits, service: string): string[] {
  const problems: string[] = [];
  for (const upload of uploads) {
    if (limits.maxFileBytes !== undefined && upload.bytes > limits.maxFileBytes) {
      problems.push(`${tooBig(upload, limits.maxFileBytes)}; ${service} accepts files up to ${limitMb(limits.maxFileBytes)}. Remove pages, or split it into smaller files.`);
    }
    if (limits.contentTypes && !limits.contentTypes.includes(upload.contentType)) {
      problems.push(`${service} does not take ${describe(upload)} as it is. Save it as a PDF and add that instead.`);
    }
  }
  if (limits.maxFiles !== undefined && uploads.length > limits.maxFiles) {
    const over = uploads.slice(limits.maxFiles).flatMap(namesOf);
    problems.push(`This fax would upload ${uploads.length} files; ${service} accepts at most ${limits.maxFiles}: ${joinNames(over)} ${over.length === 1 ? 'is' : 'are'} over the limit. Send them as a second fax.`);
  }
  const total = uploads.reduce((sum, u) => sum + u.bytes, 0);
  if (limits.maxTotalBytes !== undefined && total > limits.maxTotalBytes) {
    const largest = [...uploads].sort((a, b) => b.bytes - a.bytes)[0]!;
    problems.push(`This fax’s files add up to ${formatMb(total)}; ${service} accepts at most ${limitMb(limits.maxTotalBytes)} per fax (the largest: ${describe(largest)}, ${formatMb(largest.bytes)}). Remove pages or documents, or send two faxes.`);
  }
  return problems;
}
