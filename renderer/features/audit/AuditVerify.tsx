import { useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { plural } from '../../ui/format';

/** "Verify audit log": walks the hash chain in the core and says whether it holds. */
export function AuditVerify() {
  const verify = useFaxdesk((s) => s.verifyAudit);
  const result = useFaxdesk((s) => s.auditVerify);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setWorking(true);
    setProblem(null);
    setProblem(await verify());
    setWorking(false);
  };
  return (
    <div className="audit-verify">
      <button type="button" onClick={() => void run()} disabled={working}>{working ? 'Verifying…' : 'Verify audit log'}</button>
      {/* Always in the page, so screen readers hear the answer when it arrives. */}
      <div role="status" aria-live="polite">
        {result?.ok === true && <p className="banner banner-info">The audit log is intact ({plural(result.entries, 'entry', 'entries')}).</p>}
      </div>
      <div role="alert">
        {result?.ok === false && (
          <p className="banner banner-danger">
            Entry #{result.firstBroken} was changed or removed. Entries from there on cannot be trusted; keep a copy of the database and export the log for whoever looks into it.
          </p>
        )}
        {problem && <p className="error-text">{problem}</p>}
      </div>
    </div>
  );
}
