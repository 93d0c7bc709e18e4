import { useEffect, useId } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { pickAccount } from '../../store/sendPlan';
import { plural } from '../../ui/format';
import type { FaxResolutionChoice } from '../../store/coverSlice';
import { useSendPlan } from './useSendPlan';

/** Resolution (where the provider takes one) and what the fax will cost before it goes. */
export function SendOptions() {
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const resolution = useFaxdesk((s) => s.resolution);
  const setResolution = useFaxdesk((s) => s.setResolution);
  const estimate = useFaxdesk((s) => s.estimate);
  const loadEstimate = useFaxdesk((s) => s.loadEstimate);
  const plan = useSendPlan();
  const id = useId();
  const accountId = account?.id;
  useEffect(() => { if (accountId) void loadEstimate(accountId); }, [accountId, loadEstimate]);
  if (!account) return null;
  const recipients = plan.to.length;
  const total = plan.pages * recipients;
  const price = estimate?.pricePerPage;
  const cost = price
    ? `about ${new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency }).format(price.amount * total)} (${price.currency} ${price.amount.toFixed(3)} a page, from ${plural(estimate.faxesSeen, 'earlier fax', 'earlier faxes')})`
    : 'cost unknown';
  return (
    <div className="send-options">
      {account.capabilities.includes('resolution') && (
        <div className="field-inline">
          <label htmlFor={id}>Send at resolution</label>
          <select id={id} value={resolution} onChange={(e) => setResolution(e.target.value as FaxResolutionChoice)}>
            <option value="service">The service's setting</option>
            <option value="FINE">Fine (200 dpi)</option>
            <option value="SUPERFINE">Superfine (400 dpi)</option>
          </select>
        </div>
      )}
      {plan.pages > 0 && recipients > 0 && (
        <p className="hint" aria-live="polite">
          Estimate: {plural(total, 'page')}{recipients > 1 ? ` (${plan.pages} × ${recipients} recipients)` : ''}{plan.unknownDocs > 0 ? ' + the pages the service converts' : ''}, {account.demo ? 'free (demo)' : cost}.
        </p>
      )}
    </div>
  );
}
