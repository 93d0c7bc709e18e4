import { useState } from 'react';
import type { Contact } from '../../../common/domain/contact';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../settings/Field';

/** Add or edit a contact; the core checks the number and says what is wrong next to its field. */
export function ContactFormDialog({ contact, open, onClose }: { contact: Contact | null; open: boolean; onClose(): void }) {
  const save = useFaxdesk((s) => s.saveContact);
  const [name, setName] = useState(contact?.name ?? '');
  const [organisation, setOrganisation] = useState(contact?.organisation ?? '');
  const [faxNumber, setFaxNumber] = useState(contact?.faxNumber ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const [favourite, setFavourite] = useState(contact?.favourite ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await save(contact?.id ?? null, { name, organisation, faxNumber, notes, favourite });
    setBusy(false);
    if (r.ok) onClose();
    else {
      setErrors(r.error.fields ?? {});
      setProblem(r.error.fields ? null : r.error.message);
    }
  };

  return (
    <Dialog title={contact ? `Edit ${contact.name || contact.organisation}` : 'New contact'} open={open} onClose={onClose}>
      <form className="dialog-body form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name" value={name} onChange={setName} error={errors.name} autoFocus />
        <Field label="Organisation" value={organisation} onChange={setOrganisation} error={errors.organisation} />
        <Field label="Fax number" type="tel" value={faxNumber} onChange={setFaxNumber} error={errors.faxNumber}
          hint="Any common form: +1 201 555 0100, (201) 555-0100, 0044 20 7946 0000." />
        <div className="field">
          <label htmlFor="contact-notes">Notes</label>
          <textarea id="contact-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <label className="check"><input type="checkbox" checked={favourite} onChange={(e) => setFavourite(e.target.checked)} /> Favourite (offered first in compose)</label>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{contact ? 'Save changes' : 'Add contact'}</button>
        </div>
      </form>
    </Dialog>
  );
}
