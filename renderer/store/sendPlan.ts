import { PROVIDER_NAMES, type Account } from '../../common/domain/account';
import type { FaxPart } from '../../common/domain/document';
import { readFaxNumber } from '../../common/domain/recipients';
import { plural } from '../ui/format';
import type { ComposeDoc, Recipient } from './composeSlice';
import { toParts, usedDocKeys, type ComposePage } from './pageList';
import { limitProblems, planUploads } from './uploadPlan';

export interface SendPlanInput {
  docs: readonly ComposeDoc[];
  pages: readonly ComposePage[];
  recipients: readonly Recipient[];
  numberText: string;
  composeAccountId: string | null;
  accounts: readonly Account[];
  /** The last real account used, and whether demo accounts are hidden (from the core's settings). */
  appSettings?: { lastAccountId?: string; hideDemoAccounts?: boolean; region?: string } | null;
  /** A cover page: the page it adds (one per fax), and why it cannot go as it is. */
  cover?: CoverPlan;
}

export interface CoverPlan {
  pages: 0 | 1;
  problem: string | null;
  /** Faxdesk's own cover is a file of its own in the upload (the service's is not). */
  file?: boolean;
}

/** What the cover adds to the fax, from the cover editor's state. */
export function coverPlan(s: {
  coverMode: 'none' | 'faxdesk' | 'service'; serverCoverId: string | null; coverError: string | null;
  coverPreview: { fit: { fits: boolean; cutAfter?: string } } | null;
}): CoverPlan {
  if (s.coverMode === 'service') return { pages: 1, problem: s.serverCoverId ? null : 'Choose the fax service\'s cover page, or turn the cover off.' };
  if (s.coverMode !== 'faxdesk') return { pages: 0, problem: null };
  if (s.coverError) return { pages: 1, file: true, problem: `The cover page cannot be drawn: ${s.coverError}` };
  if (!s.coverPreview) return { pages: 1, file: true, problem: 'Wait for the cover page to be drawn.' };
  const fit = s.coverPreview.fit;
  return { pages: 1, file: true, problem: fit.fits ? null : `The message is too long for one page: it is cut after “${fit.cutAfter ?? ''}”. Shorten it to send.` };
}

export interface SendPlan {
  canSend: boolean;
  /** Why Send is disabled, in words; null when it is enabled. */
  reason: string | null;
  /** What pressing Send will do: "Send 7 pages to 2 recipients". */
  label: string;
  to: string[];
  documentIds: string[];
  parts: FaxPart[];
  /** Pages known to go (a document the fax service converts counts in `unknownDocs`). */
  pages: number;
  unknownDocs: number;
  accountId: string | null;
  /** What the chosen account's provider would refuse, one message per refusal, each naming the file. */
  problems: string[];
  /** Said above Send, without stopping it: a long fax is a long and costly call; an account that waits. */
  caution: string | null;
  /** The chosen account cannot send (signed out, no secret): what is wrong, and its settings to open. */
  accountProblem: { message: string; accountId: string } | null;
}

/** Above this many pages a fax is a long phone call, billed per minute or page. */
export const LONG_FAX_PAGES = 50;

/** The accounts compose offers: demo ones go once the person hides them (and has a real one). */
export function offeredAccounts(accounts: readonly Account[], prefs?: SendPlanInput['appSettings']): Account[] {
  const real = accounts.filter((a) => !a.demo);
  return prefs?.hideDemoAccounts && real.length > 0 ? real : [...accounts];
}

/**
 * The account compose will use: the chosen one if it is still offered, else the real account a fax
 * was last sent from, else the first real one that is not signed out, else any.
 */
export function pickAccount(accounts: readonly Account[], chosen: string | null, prefs?: SendPlanInput['appSettings']): Account | null {
  const offered = offeredAccounts(accounts, prefs);
  return offered.find((a) => a.id === chosen)
    ?? offered.find((a) => a.id === prefs?.lastAccountId)
    ?? offered.find((a) => !a.demo && a.status !== 'signed_out')
    ?? offered.find((a) => a.status !== 'signed_out')
    ?? offered[0]
    ?? null;
}

const when = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

/** Why the account cannot send (Send stays off), or what it means for this fax (said, Send stays on). */
function accountState(account: Account): { problem: string | null; caution: string | null } {
  if (!account.demo && !account.hasSecret) return { problem: `No secret is stored for ${account.name}. Open its settings and enter it.`, caution: null };
  if (account.status === 'signed_out') {
    return { problem: `${account.name} is signed out: ${PROVIDER_NAMES[account.settings.provider]} refused its sign-in details. Open its settings to fix them.`, caution: null };
  }
  if (account.status === 'retrying') {
    const next = account.nextCheckAt ? ` Next try at ${when(account.nextCheckAt)}.` : '';
    return { problem: null, caution: `${account.name} cannot reach ${PROVIDER_NAMES[account.settings.provider]} right now: the fax will wait and go out when it answers.${next}` };
  }
  return { problem: null, caution: null };
}

function sendLabel(pages: number, unknownDocs: number, recipients: number): string {
  const what = unknownDocs === 0
    ? plural(pages, 'page')
    : pages === 0
      ? `${plural(unknownDocs, 'document')} (pages unknown)`
      : `${plural(pages, 'page')} + ${plural(unknownDocs, 'document')}`;
  return `Send ${what} to ${plural(recipients, 'recipient')}`;
}

export function computeSendPlan(s: SendPlanInput): SendPlan {
  const ready = new Map(s.docs.flatMap((d) => (d.status === 'ready' ? [[d.key, d] as const] : [])));
  const listed = s.pages.filter((p) => ready.has(p.docKey));
  const contentPages = listed.filter((p) => p.kind === 'page').length;
  const unknownDocs = listed.length - contentPages;
  const pages = contentPages + (listed.length > 0 ? s.cover?.pages ?? 0 : 0);
  const to = s.recipients.map((r) => r.e164);
  const typed = s.numberText.trim() === '' ? null : readFaxNumber(s.numberText, s.appSettings?.region);
  if (typed?.ok && !to.includes(typed.e164)) to.push(typed.e164);
  const account = pickAccount(s.accounts, s.composeAccountId, s.appSettings);
  const state = account ? accountState(account) : { problem: null, caution: null };
  // The core groups pages with the same rule and the same room for files (a cover drawn by Faxdesk is one).
  const maxFiles = account?.limits.maxFiles === undefined ? undefined : account.limits.maxFiles - (s.cover?.file ? 1 : 0);
  const problems = account ? limitProblems(planUploads(listed, ready, maxFiles), account.limits, PROVIDER_NAMES[account.settings.provider]) : [];

  let reason: string | null = null;
  if (!account) reason = 'Add an account in Settings to send.';
  else if (state.problem) reason = state.problem;
  else if (s.docs.some((d) => d.status === 'reading')) reason = 'Wait for the files to finish loading.';
  else if (listed.length === 0) reason = 'Add a document to send.';
  else if (problems.length > 0) reason = problems.length === 1 ? problems[0]! : `${account.name} cannot send this fax as it is: see the ${problems.length} problems above.`;
  else if (typed && !typed.ok) reason = 'Fix the fax number to send.';
  else if (to.length === 0) reason = 'Enter a fax number to send.';
  else if (s.cover?.problem) reason = s.cover.problem;

  return {
    canSend: reason === null,
    reason,
    label: listed.length === 0 || to.length === 0 ? 'Send' : sendLabel(pages, unknownDocs, to.length),
    to,
    documentIds: usedDocKeys(listed).map((key) => ready.get(key)!.info.id),
    parts: toParts(listed, (key) => ready.get(key)!.info.id),
    pages,
    unknownDocs,
    accountId: account?.id ?? null,
    problems,
    caution: [pages > LONG_FAX_PAGES ? `This fax has ${pages} pages: a long and costly call. Check that every page needs to go.` : null, state.caution]
      .filter(Boolean).join(' ') || null,
    accountProblem: account && state.problem ? { message: state.problem, accountId: account.id } : null,
  };
}
