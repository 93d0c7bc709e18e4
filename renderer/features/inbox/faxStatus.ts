import type { InboxFax, InboxSyncState } from '../../../common/domain/inbox';

export type Tone = 'neutral' | 'progress' | 'success' | 'danger' | 'warning';

/**
 * A received fax's one status, in a word or two: what a person has to do with it next.
 * `short` fits the list's status column; `text` is said in full (screen readers, the detail).
 */
export function faxStatus(fax: InboxFax): { short: string; text: string; tone: Tone } {
  if (fax.document.state === 'unavailable') return { short: 'Unavailable', text: 'Document unavailable — retry', tone: 'danger' };
  if (!fax.read) return { short: 'New', text: 'New', tone: 'progress' };
  if (!fax.reviewed) return { short: 'To review', text: 'To review', tone: 'warning' };
  return { short: 'Reviewed', text: 'Reviewed', tone: 'success' };
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1_000));

/** "in 40 s", "in 3 min": when the next try is, from now. */
export function untilWords(iso: string | undefined, now: number): string {
  if (!iso) return 'soon';
  const ms = Date.parse(iso) - now;
  if (!Number.isFinite(ms) || ms <= 1_000) return 'now';
  const s = seconds(ms);
  return s < 90 ? `in ${s} s` : `in ${Math.round(s / 60)} min`;
}

/**
 * How an account's inbox sync stands, in plain words for the sidebar, and whether the person is
 * the one who can fix it (a refused sign-in: open the account's settings).
 */
export function syncWords(state: InboxSyncState | undefined, now: number): { text: string; tone: Tone; needsSettings: boolean } {
  if (!state) return { text: 'Inbox not checked yet', tone: 'neutral', needsSettings: false };
  switch (state.state) {
    case 'idle':
      return { text: 'Inbox not checked yet', tone: 'neutral', needsSettings: false };
    case 'syncing':
      return { text: state.initialSyncDone ? 'Checking for faxes…' : 'Getting faxes for the first time…', tone: 'progress', needsSettings: false };
    case 'ok':
      return { text: 'Inbox up to date', tone: 'success', needsSettings: false };
    case 'offline':
      return { text: 'Offline — checks again when the network is back', tone: 'warning', needsSettings: false };
    case 'paused':
      return { text: 'Paused while the computer sleeps', tone: 'neutral', needsSettings: false };
    case 'signed_out':
      return { text: 'Signed out — open settings', tone: 'danger', needsSettings: true };
    case 'retrying': {
      const code = state.error?.code;
      const what = code === 'network' ? 'Offline' : code === 'rate_limited' ? 'Service busy' : code === 'provider_unavailable' ? 'Service unavailable' : 'Inbox check failed';
      return { text: `${what} — retrying ${untilWords(state.nextTryAt, now)}`, tone: 'warning', needsSettings: false };
    }
  }
}
