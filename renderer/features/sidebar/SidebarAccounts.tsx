import { useFaxdesk } from '../../store/StoreProvider';
import { ACCOUNT_STATUS_TEXT } from '../../ui/accountStatus';

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
        {accounts.map((a) => (
          <li key={a.id} className="account-item">
            <span className={`dot dot-${a.status}`} aria-hidden="true" />
            <span className="account-name">{a.name}{a.demo && <span className="tag">Demo</span>}</span>
            <span className="account-status">
              {ACCOUNT_STATUS_TEXT[a.status]}
              {a.status !== 'connected' && a.statusMessage ? ` — ${a.statusMessage}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
