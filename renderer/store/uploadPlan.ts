import type { AccountLimits } from '../../common/domain/account';
import type { DocumentInfo } from '../../common/domain/document';
import { groupUploads } from '../../common/domain/uploadGroups';
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
 * The files the core will upload for this page list, grouped as the core groups them
 * (common/domain/uploadGroups.ts): a document whole and unturned as it is, other runs of pages
 * composed into one PDF, a document sent as it is on its own where it stands.
 */
export function planUploads(pages: readonly ComposePage[], docs: ReadonlyMap<string, UploadDoc>, maxFiles?: number): PlannedUpload[] {
  const items = pages.map((page) => ({ doc: page.docKey, page: page.kind === 'page' ? page.page : null, rotation: page.kind === 'page' ? page.rotation : 0 }));
  return groupUploads(items, (key) => docs.get(key)!.info.pages, maxFiles).map((group): PlannedUpload => {
    if (group.kind === 'document') {
      const { name, info } = docs.get(group.doc)!;
      return { shares: [{ name, bytes: info.sentBytes, whole: true }], contentType: info.contentType, bytes: info.sentBytes };
    }
    const counts = new Map<string, number>();
    for (const item of group.items) counts.set(item.doc, (counts.get(item.doc) ?? 0) + 1);
    const shares = [...counts].map(([key, n]) => {
      const { name, info } = docs.get(key)!;
      const all = Math.max(1, info.pages ?? 1);
      return { name, bytes: n >= all ? info.sentBytes : Math.round((info.sentBytes * n) / all), whole: n >= all };
    });
    return { shares, contentType: 'application/pdf', bytes: shares.reduce((sum, share) => sum + share.bytes, 0) };
  });
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
