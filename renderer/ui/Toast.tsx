import { useEffect } from 'react';
import { useFaxdesk } from '../store/StoreProvider';
import type { Pane } from '../store/uiSlice';

const PANE_NAMES: Partial<Record<Pane, string>> = { drafts: 'Drafts', outbox: 'Outbox' };
/** Long enough to read twice; it stays while the pointer or focus is on it. */
const SHOWN_MS = 8_000;

/** A note of what just happened, at the foot of the window (a status: screen readers hear it too). */
export function Toast() {
  const notice = useFaxdesk((s) => s.notice);
  const dismiss = useFaxdesk((s) => s.dismissNotice);
  const showPane = useFaxdesk((s) => s.showPane);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {notice && (
        <div className="toast" key={notice.seq}>
          <span>{notice.text}</span>
          {notice.go && (
            <button type="button" className="link-button" onClick={() => { showPane(notice.go!); dismiss(); }}>Show {PANE_NAMES[notice.go] ?? notice.go}</button>
          )}
          <button type="button" className="link-button" aria-label="Dismiss" onClick={dismiss}>×</button>
        </div>
      )}
    </div>
  );
}
