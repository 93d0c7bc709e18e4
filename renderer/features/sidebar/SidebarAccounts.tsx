import { useEffect, useState } from 'react';
import type { Account } from '../../../common/domain/account';
import { useFaxdesk } from '../../store/StoreProvider';
import { ACCOUNT_STATUS_TEXT } from '../../ui/accountStatus';
import { syncWords } from '../inbox/faxStatus';

/** Re-renders every second while something on screen counts down ("retrying in 40 s"). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking]);
  return now;
}

/** One account: its own inbox (unread count), whether it is connected, and how its inbox sync stands. */
function AccountItem({ account }: { account: Account }) {
  const current = useFaxdesk((s) => s.pane === 'inbox' && s.inboxView.kind === 'account' && s.inboxView.accountId === account.id);
  const unread = useFaxdesk((s) => s.inboxCounts?.accounts.find((c) => c.accountId === account.id)?.unread ?? 0);
  const sync = useFaxdesk((s) => s.inboxSync[account.id]);
  const showInbox = useFaxdesk((s) => s.showInbox);
  const openAccountSettings = useFaxdesk((s) => s.openAccountSettings);
  const now = useNow(sync?.state === 'retrying');
  const words = syncWords(sync, now);
  return (
    <li className="account-item">
      <button
        type="button"
        className="nav-item account-inbox"
        aria-current={current ? 'page' : undefined}
        onClick={() => showInbox({ kind: 'account', accountId: account.id })}
      >
        <span className={`dot dot-${account.status}`} aria-hidden="true" />
        <span className="account-name">{account.name}{account.demo && <span className="tag">Demo</span>}</span>
        {unread > 0 && <span className="count count-strong">{unread.toLocaleString()}<span className="sr-only"> unread</span></span>}
      </button>
      <span className="account-status">
        {ACCOUNT_STATUS_TEXT[account.status]}
        {account.status !== 'connected' && account.statusMessage ? ` — ${account.statusMessage}` : ''}
      </span>
      <span className={`account-sync sync-${words.tone}`} title={sync?.error ? `${sync.error.message} ${sync.error.nextStep}` : undefined}>{words.text}</span>
      {words.needsSettings && (
        <button type="button" className="link account-fix" aria-label={`Open settings: ${account.name} is signed out`} onClick={() => openAccountSettings(account.id)}>Open settings</button>
      )}
    </li>
  );
}

export function SidebarAccounts() {
  const accounts = useFaxdesk((s) => s.accounts);
  const status = useFaxdesk((s) => s.accountsStatus);
  const error = useFaxdesk((s) => s.accountsError);
  return (
    <section className="sidebar-accounts" aria-labelledby="sidebar-accounts-title">
      <h2 id="sidebar-accounts-title" className="sidebar-heading">Accounts</h2>
      {status === 'loading' && <p className="muted">Loading…</p>}
      {status === 'error' && <p className="error-text" role="alert">Accounts could not be loaded: {error}</p>}
      <ul className="account-list">
        {accounts.map((a) => <AccountItem key={a.id} account={a} />)}
      </ul>
    </section>
  );
}
