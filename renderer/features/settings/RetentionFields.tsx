import { useId, useState } from 'react';
import { RETENTION_PERIODS, RETENTION_WORDS, RetentionPeriodSchema } from '../../../common/domain/retention';
import { useFaxdesk } from '../../store/StoreProvider';

type Which = 'keepReceivedFor' | 'keepSentFor';
const LABELS: Record<Which, string> = { keepReceivedFor: 'Keep received faxes’ documents for', keepSentFor: 'Keep sent faxes’ documents for' };

/** Retention: how long this computer keeps the documents of received and sent faxes. */
export function RetentionFields() {
  const settings = useFaxdesk((s) => s.appSettings);
  const update = useFaxdesk((s) => s.updateSettings);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();

  const choose = async (which: Which, value: string) => {
    setStatus(null);
    const r = await update({ [which]: RetentionPeriodSchema.parse(value) });
    setStatus(r.ok
      ? { ok: true, text: value === 'forever' ? 'Saved. These documents are kept.' : 'Saved. Older documents are removed now, then once a day.' }
      : { ok: false, text: `Not saved: ${r.error.message}` });
  };

  return (
    <div className="field retention">
      <p id={`${id}-hint`} className="hint">
        Faxdesk overwrites and deletes its own copy of a fax’s document once it is older than this; the fax stays in the list,
        marked “Document removed by retention”, and the audit log records it. Nothing is removed at the fax service. A received
        fax tagged “legal hold”, and a sent fax put on legal hold, are kept.
      </p>
      {(['keepReceivedFor', 'keepSentFor'] as const).map((which) => (
        <div key={which} className="retention-choice">
          <label htmlFor={`${id}-${which}`}>{LABELS[which]}</label>
          <select id={`${id}-${which}`} value={settings?.[which] ?? 'forever'} disabled={!settings} aria-describedby={`${id}-hint`}
            onChange={(e) => void choose(which, e.target.value)}>
            {RETENTION_PERIODS.map((period) => <option key={period} value={period}>{RETENTION_WORDS[period]}</option>)}
          </select>
        </div>
      ))}
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}
