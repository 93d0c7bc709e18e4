import type { Account } from '../../common/domain/account';
import { checkFaxNumber } from '../../common/domain/phone';
import type { ComposeDoc, Recipient } from './composeSlice';

export interface SendPlanInput {
  docs: readonly ComposeDoc[];
  recipients: readonly Recipient[];
  numberText: string;
  composeAccountId: string | null;
  accounts: readonly Account[];
}

export interface SendPlan {
  canSend: boolean;
  /** Why Send is disabled, in words; null when it is enabled. */
  reason: string | null;
  /** What pressing Send will do: "Send 7 pages to 2 recipients". */
  label: string;
  to: string[];
  documentIds: string[];
  pages: number;
  accountId: string | null;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The account compose will use: the chosen one if it still exists, else the first that isn't signed out. */
export function pickAccount(accounts: readonly Account[], chosen: string | null): Account | null {
  return accounts.find((a) => a.id === chosen)
    ?? accounts.find((a) => a.status !== 'signed_out')
    ?? accounts[0]
    ?? null;
}

export function computeSendPlan(s: SendPlanInput): SendPlan {
  const ready = s.docs.flatMap((d) => (d.status === 'ready' ? [d.info] : []));
  const pages = ready.reduce((n, d) => n + (d.pages ?? 0), 0);
  const to = s.recipients.map((r) => r.e164);
  const typed = s.numberText.trim() === '' ? null : checkFaxNumber(s.numberText);
  if (typed?.ok && !to.includes(typed.e164)) to.push(typed.e164);
  const account = pickAccount(s.accounts, s.composeAccountId);

  let reason: string | null = null;
  if (!account) reason = 'Add an account in Settings to send.';
  else if (s.docs.some((d) => d.status === 'reading')) reason = 'Wait for the files to finish loading.';
  else if (ready.length === 0) reason = 'Add a PDF to send.';
  else if (typed && !typed.ok) reason = 'Fix the fax number to send.';
  else if (to.length === 0) reason = 'Enter a fax number to send.';

  const label = ready.length === 0 || to.length === 0
    ? 'Send'
    : `Send ${plural(pages, 'page')} to ${plural(to.length, 'recipient')}`;
  return {
    canSend: reason === null,
    reason,
    label,
    to,
    documentIds: ready.map((d) => d.id),
    pages,
    accountId: account?.id ?? null,
  };
}
