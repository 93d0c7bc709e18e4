import { useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { plural } from '../../ui/format';

/** Several faxes picked in the list: say how many, print them in one go, or let go of them. */
export function InboxSelectionBar() {
  const checked = useFaxdesk((s) => s.checkedFaxIds);
  const checkFaxes = useFaxdesk((s) => s.checkFaxes);
  const printFaxes = useFaxdesk((s) => s.printFaxes);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (checked.length < 2) return null;
  const print = async () => {
    setWorking(true);
    setProblem(null);
    setProblem(await printFaxes(checked).catch((e: unknown) => (e instanceof Error ? e.message : String(e))));
    setWorking(false);
  };
  return (
    <>
      <div className="selection-bar" role="group" aria-label="Selected faxes">
        <span>{plural(checked.length, 'fax', 'faxes')} selected</span>
        <button type="button" disabled={working} onClick={() => void print()}>
          {working ? 'Preparing to print…' : `Print ${plural(checked.length, 'fax', 'faxes')}`}
        </button>
        <button type="button" onClick={() => { checkFaxes([]); setProblem(null); }}>Clear selection</button>
      </div>
      {problem && <p className="error-text pad" role="alert">{problem}</p>}
    </>
  );
}
