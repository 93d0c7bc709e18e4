import { useEffect, useId, useState } from 'react';
import type { Patient } from '../../../common/domain/patient';
import { useFaxdesk } from '../../store/StoreProvider';
import { pickAccount } from '../../store/sendPlan';

/** "Ada Lovelace · born 1985-12-10 · MRN-1001": enough to tell two patients of one name apart. */
export function patientLine(p: Patient): string {
  return [p.name, p.birthDate ? `born ${p.birthDate}` : '', p.mrn ?? ''].filter(Boolean).join(' · ');
}

/** Asks the core on each keystroke (after a short pause); an older answer never replaces a newer one. */
function usePatientSearch(accountId: string | undefined, text: string): { found: Patient[]; error: string | null; settled: boolean } {
  const search = useFaxdesk((s) => s.searchPatients);
  const [state, setState] = useState<{ text: string; found: Patient[]; error: string | null }>({ text: '', found: [], error: null });
  useEffect(() => {
    if (!accountId || text.trim().length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      void search(accountId, text).then((r) => {
        if (!current) return;
        setState(r.ok ? { text, found: r.value, error: null } : { text, found: [], error: r.error.message });
      });
    }, 150);
    return () => { current = false; clearTimeout(timer); };
  }, [search, accountId, text]);
  return state.text === text ? { ...state, settled: true } : { found: [], error: null, settled: false };
}

/**
 * Welkin accounts file a fax to a patient before it is sent: search by name or MRN, pick one from
 * the list (↑/↓, Enter), and the fax (and its Welkin draft) carries that patient.
 */
export function PatientPicker() {
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const patient = useFaxdesk((s) => s.patient);
  const setPatient = useFaxdesk((s) => s.setPatient);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;
  const { found, error, settled } = usePatientSearch(account?.id, text);
  if (!account?.capabilities.includes('assignToPatient')) return null;

  const choose = (p: Patient) => {
    setPatient(p);
    setText('');
  };
  const expanded = text.trim().length >= 2 && found.length > 0;

  if (patient) {
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>Patient</span>
        <p className="patient-chosen" aria-labelledby={`${id}-label`}>
          <span>{patientLine(patient)}</span>{' '}
          <button type="button" className="link-button" onClick={() => setPatient(null)} aria-label={`Remove the patient ${patient.name}`}>Change</button>
        </p>
      </div>
    );
  }
  return (
    <div className="field patient-field">
      <label htmlFor={id}>Patient</label>
      <div className="combo-anchor">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search by name or MRN"
        value={text}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        onChange={(e) => { setText(e.target.value); setActive(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && expanded) { e.preventDefault(); setActive((i) => Math.min(found.length - 1, i + 1)); }
          else if (e.key === 'ArrowUp' && expanded) { e.preventDefault(); setActive((i) => Math.max(0, i - 1)); }
          else if (e.key === 'Enter' && expanded && found[active]) { e.preventDefault(); choose(found[active]); }
          else if (e.key === 'Escape' && text) { e.preventDefault(); e.nativeEvent.stopImmediatePropagation(); setText(''); }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Patients" className="suggestions" hidden={!expanded}>
        {expanded && found.map((p, i) => (
          <li key={p.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className="suggestion"
            onMouseDown={(e) => { e.preventDefault(); choose(p); }} onMouseEnter={() => setActive(i)}>
            <span className="option-main">{p.name}</span>
            <span className="option-meta">{[p.birthDate ? `born ${p.birthDate}` : '', p.mrn ?? ''].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      {text.trim().length >= 2 && settled && !expanded && !error && <p className="hint" role="status">No patient matches “{text.trim()}”.</p>}
      <p className="hint">Welkin files the fax to this patient’s record when it is sent.</p>
    </div>
  );
}

/** Welkin keeps a subject with each fax (its staff see it in their queue); without a cover page it is typed here. */
export function SubjectField() {
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const mode = useFaxdesk((s) => s.coverMode);
  const subject = useFaxdesk((s) => s.coverFields.subject);
  const setField = useFaxdesk((s) => s.setCoverField);
  const id = useId();
  if (!account?.capabilities.includes('serverDrafts') || mode !== 'none') return null;
  return (
    <div className="field">
      <label htmlFor={id}>Subject</label>
      <input id={id} type="text" maxLength={200} value={subject} onChange={(e) => setField('subject', e.target.value)} />
    </div>
  );
}
