import { useEffect, useId, useState } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import type { Patient } from '../../../common/domain/patient';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { patientLine } from '../compose/PatientPicker';

/**
 * File a received fax to a patient's chart (Welkin): find the patient by name, MRN or birth date,
 * choose the document type, file. A patient earlier faxes from this number went to is offered
 * first (this computer's history), never chosen for the person.
 */
export function FilePatientDialog({ fax, onClose }: { fax: InboxFax; onClose(): void }) {
  const searchPatients = useFaxdesk((s) => s.searchPatients);
  const documentTypes = useFaxdesk((s) => s.faxDocumentTypes);
  const suggest = useFaxdesk((s) => s.suggestFaxPatient);
  const file = useFaxdesk((s) => s.fileFaxToPatient);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Patient[] | null>(null);
  const [chosen, setChosen] = useState<Patient | null>(null);
  const [suggested, setSuggested] = useState<Patient | null>(null);
  const [types, setTypes] = useState<Array<{ id: string; name: string }>>([]);
  const [typeId, setTypeId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const searchId = useId();
  const typeFieldId = useId();

  useEffect(() => {
    void suggest(fax.id).then(setSuggested);
    void documentTypes(fax.accountId).then((r) => {
      if (r.ok) { setTypes(r.value); setTypeId((t) => t || r.value[0]?.id || ''); } else setProblem(r.error.message);
    });
  }, [fax.id, fax.accountId, suggest, documentTypes]);

  useEffect(() => {
    if (text.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      void searchPatients(fax.accountId, text).then((r) => {
        if (!live) return;
        if (r.ok) setFound(r.value); else setProblem(r.error.message);
      });
    }, 150);
    return () => { live = false; clearTimeout(timer); };
  }, [text, fax.accountId, searchPatients]);

  // Fewer than two letters search nothing (and an older answer is not shown).
  const shown = text.trim().length < 2 ? null : found;
  const submit = async () => {
    if (!chosen || !typeId) return;
    setWorking(true);
    const failure = await file(fax.id, chosen, typeId);
    setWorking(false);
    if (failure) setProblem(failure); else onClose();
  };

  return (
    <Dialog title="File to patient" open onClose={onClose}>
      {suggested && !chosen && (
        <p className="banner banner-info">
          Earlier faxes from this number were filed to {suggested.name}.{' '}
          <button type="button" className="link-button" onClick={() => setChosen(suggested)}>Choose {suggested.name}</button>
        </p>
      )}
      {chosen ? (
        <p className="patient-chosen"><strong>{patientLine(chosen)}</strong> <button type="button" className="link-button" onClick={() => setChosen(null)}>Change</button></p>
      ) : (
        <div className="field">
          <label htmlFor={searchId}>Find the patient</label>
          <input id={searchId} type="search" data-autofocus value={text} placeholder="Name, MRN or date of birth" onChange={(e) => setText(e.target.value)} />
          {shown && shown.length === 0 && <p className="hint" role="status">No patient matches “{text.trim()}”.</p>}
          {shown && shown.length > 0 && (
            <ul className="patient-results" aria-label="Patients found">
              {shown.map((p) => (
                <li key={p.id}><button type="button" className="link-button" onClick={() => setChosen(p)}>{patientLine(p)}</button></li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={typeFieldId}>Document type</label>
        <select id={typeFieldId} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          {types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={!chosen || !typeId || working} onClick={() => void submit()}>
          {working ? 'Filing…' : chosen ? `File to ${chosen.name}` : 'File'}
        </button>
      </div>
    </Dialog>
  );
}
