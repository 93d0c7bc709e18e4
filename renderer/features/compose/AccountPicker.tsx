import { useId } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { offeredAccounts, pickAccount } from '../../store/sendPlan';
import { ACCOUNT_STATUS_TEXT, providerLabel } from '../../ui/accountStatus';

/** "Send from" appears only when there is a choice to make. */
export function AccountPicker() {
  const all = useFaxdesk((s) => s.accounts);
  const appSettings = useFaxdesk((s) => s.appSettings);
  const chosen = useFaxdesk((s) => s.composeAccountId);
  const setAccount = useFaxdesk((s) => s.setComposeAccount);
  const id = useId();
  const accounts = offeredAccounts(all, appSettings);
  const account = pickAccount(all, chosen, appSettings);
  if (!account) {
    return <p className="banner banner-warning">There is no account to send from. Add one in Settings.</p>;
  }
  if (accounts.length === 1) {
    return (
      <p className="muted from-line">
        From {account.name}{account.demo ? ' — the demo account: nothing is transmitted.' : ` (${providerLabel(account)})`}
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>Send from</label>
      <select id={id} value={account.id} onChange={(e) => setAccount(e.target.value)}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}{a.demo ? ' (Demo)' : ''} — {providerLabel(a)}, {ACCOUNT_STATUS_TEXT[a.status].toLowerCase()}
          </option>
        ))}
      </select>
    </div>
  );
}
