import { useState } from 'react';
import type { Contact } from '../../../common/domain/contact';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatDateTime, formatFax } from '../../ui/format';
import { ContactFormDialog } from './ContactFormDialog';

/** The selected contact: its details said once, its groups, and what can be done with it. */
export function ContactDetail({ contact }: { contact: Contact }) {
  const groups = useFaxdesk((s) => s.contactGroups);
  const removeContact = useFaxdesk((s) => s.removeContact);
  const saveGroup = useFaxdesk((s) => s.saveGroup);
  const toggleFavourite = useFaxdesk((s) => s.toggleFavourite);
  const pickRecipients = useFaxdesk((s) => s.pickRecipients);
  const openCompose = useFaxdesk((s) => s.openCompose);
  const announce = useFaxdesk((s) => s.announce);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const title = contact.name || contact.organisation;
  const number = formatFax(contact.faxNumber);

  const setMember = (groupId: string, member: boolean) => {
    const group = groups.find((g) => g.id === groupId);
    if (!group) return;
    const ids = member ? [...group.memberIds, contact.id] : group.memberIds.filter((id) => id !== contact.id);
    void saveGroup(group.id, group.name, ids);
  };

  return (
    <article className="contact-detail" aria-labelledby="contact-detail-title">
      <h2 id="contact-detail-title">{title}</h2>
      <dl className="facts">
        {contact.name && contact.organisation && <><dt>Organisation</dt><dd>{contact.organisation}</dd></>}
        <dt>Fax number</dt><dd>{number}</dd>
        <dt>Last fax</dt><dd>{contact.lastSentAt ? formatDateTime(contact.lastSentAt) : 'Never faxed from Faxdesk'}</dd>
        {contact.notes && <><dt>Notes</dt><dd className="notes">{contact.notes}</dd></>}
      </dl>
      <div className="detail-actions-row">
        <button type="button" className="primary" onClick={() => { pickRecipients([{ e164: contact.faxNumber, display: number, name: title }]); openCompose(); }}>
          New fax to {title}
        </button>
        <button type="button" aria-pressed={contact.favourite} onClick={() => void toggleFavourite(contact)}>
          {contact.favourite ? '★ Favourite' : '☆ Mark as favourite'}
        </button>
        <button type="button" onClick={() => setEditing(true)}>Edit</button>
        <button type="button" className="danger" onClick={() => setDeleting(true)}>Delete</button>
      </div>
      {groups.length > 0 && (
        <fieldset className="group-checks">
          <legend>Groups</legend>
          {groups.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" checked={contact.groupIds.includes(g.id)} onChange={(e) => setMember(g.id, e.target.checked)} /> {g.name}
            </label>
          ))}
        </fieldset>
      )}
      {editing && <ContactFormDialog contact={contact} open onClose={() => setEditing(false)} />}
      <ConfirmDialog
        title={`Delete ${title}?`}
        open={deleting}
        confirmLabel="Delete contact"
        danger
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          void removeContact(contact.id).then((r) => { if (r.ok) announce(`${title} deleted.`); });
        }}
      >
        <p>{title} ({number}) leaves the address book and its groups. Faxes already sent to the number are kept.</p>
      </ConfirmDialog>
    </article>
  );
}
