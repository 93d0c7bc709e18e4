import { useId } from 'react';
import { HEADER_TEXT_MAX } from '../../store/composeSlice';
import { useFaxdesk } from '../../store/StoreProvider';
import { pickAccount } from '../../store/sendPlan';

/** Only accounts whose service prints a header line (Sinch) offer its text. */
export function HeaderLineField() {
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const text = useFaxdesk((s) => s.headerText);
  const setText = useFaxdesk((s) => s.setHeaderText);
  const id = useId();
  if (!account?.capabilities.includes('headerText')) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Header line <span className="muted">(optional)</span></label>
      <input id={id} type="text" value={text} maxLength={HEADER_TEXT_MAX} placeholder="e.g. Riverside Clinic" aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
      <p id={`${id}-hint`} className="hint">Printed at the top of every page with the date and page numbers as the fax goes out.</p>
    </div>
  );
}
