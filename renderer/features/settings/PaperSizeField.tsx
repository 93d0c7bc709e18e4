import { useId, useState } from 'react';
import { PaperSizeSchema, type PaperSize } from '../../../common/domain/document';
import { useFaxdesk } from '../../store/StoreProvider';

const CHOICES: Record<PaperSize, string> = {
  auto: 'Automatic — Letter in North America, A4 elsewhere',
  letter: 'Letter (8.5 × 11 in)',
  a4: 'A4 (210 × 297 mm)',
};

/** The page size Faxdesk lays images, scans and text out on (PDFs and Word files keep their own). */
export function PaperSizeField() {
  const settings = useFaxdesk((s) => s.appSettings);
  const update = useFaxdesk((s) => s.updateSettings);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();

  const choose = async (value: string) => {
    const paperSize = PaperSizeSchema.parse(value);
    setStatus(null);
    const r = await update({ paperSize });
    setStatus(r.ok ? { ok: true, text: 'Saved. Files you add from now on use it.' } : { ok: false, text: `Not saved: ${r.error.message}` });
  };

  return (
    <div className="field paper-size">
      <label htmlFor={id}>Paper size</label>
      <select id={id} value={settings?.paperSize ?? 'auto'} disabled={!settings} aria-describedby={`${id}-hint`} onChange={(e) => void choose(e.target.value)}>
        {Object.entries(CHOICES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <p id={`${id}-hint`} className="hint">For images, scans and text files. PDFs and Word files keep their own page size.</p>
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}
