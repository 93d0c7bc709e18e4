import { useEffect, useMemo, useState } from 'react';
import type { Contact } from '../../../common/domain/contact';
import { saveBytes } from '../../print/saveBytes';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';
import { ContactDetail } from './ContactDetail';
import { ContactFormDialog } from './ContactFormDialog';
import { ContactList } from './ContactList';
import { GroupBar } from './GroupBar';
import { ImportDialog } from './ImportDialog';

/** The address book: search, add/edit/delete, favourites, groups, import (with a preview) and export. */
export function ContactsPane() {
  const contacts = useFaxdesk((s) => s.contacts);
  const total = useFaxdesk((s) => s.contactsTotal);
  const status = useFaxdesk((s) => s.contactsStatus);
  const error = useFaxdesk((s) => s.contactsError);
  const text = useFaxdesk((s) => s.contactsText);
  const setText = useFaxdesk((s) => s.setContactsText);
  const load = useFaxdesk((s) => s.loadContacts);
  const selectedId = useFaxdesk((s) => s.selectedContactId);
  const groupId = useFaxdesk((s) => s.contactsGroupId);
  const groups = useFaxdesk((s) => s.contactGroups);
  const exportContacts = useFaxdesk((s) => s.exportContacts);
  const removeContact = useFaxdesk((s) => s.removeContact);
  const announce = useFaxdesk((s) => s.announce);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => { void load(); }, [load]);

  const group = groups.find((g) => g.id === groupId);
  const shown = useMemo(() => (group ? contacts.filter((c) => c.groupIds.includes(group.id)) : contacts), [contacts, group]);
  const selected = shown.find((c) => c.id === selectedId);

  const download = async (format: 'csv' | 'vcard') => {
    const r = await exportContacts(format);
    if (r.ok) saveBytes(r.value.name, r.value.bytes, format === 'csv' ? 'text/csv' : 'text/vcard');
    setMessage(r.ok ? `Exported ${plural(total, 'contact')} to ${r.value.name}.` : r.error.message);
  };

  return (
    <div className="split">
      <section className="pane list-pane" aria-labelledby="list-title">
        <header className="pane-header">
          <h1 id="list-title" tabIndex={-1}>Contacts</h1>
          {status === 'ready' && <span className="muted list-count">{plural(group ? shown.length : total, 'contact')}</span>}
        </header>
        <div className="toolbar contacts-toolbar">
          <input type="search" aria-label="Search contacts" placeholder="Search contacts" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" className="primary" onClick={() => setAdding(true)}>New contact</button>
          <button type="button" onClick={() => setImporting(true)}>Import…</button>
          <button type="button" onClick={() => void download('csv')} disabled={total === 0}>Export CSV</button>
          <button type="button" onClick={() => void download('vcard')} disabled={total === 0}>Export vCard</button>
        </div>
        <GroupBar />
        {message && <p className="hint pad" role="status">{message}</p>}
        {status === 'error' && <p className="banner banner-danger" role="alert">The contacts could not be loaded: {error}</p>}
        {status === 'loading' && <p className="muted pad">Loading…</p>}
        {status === 'ready' && shown.length === 0 && (
          <div className="empty">
            {text || group ? <p>No contact matches. Clear the search to see every contact.</p> : (
              <>
                <p className="empty-lead">Your address book is empty.</p>
                <p>Add the people and offices you fax, or import them from Outlook, Google Contacts or a vCard file. Compose then finds them as you type.</p>
                <button type="button" className="primary" onClick={() => setImporting(true)}>Import contacts…</button>
              </>
            )}
          </div>
        )}
        {shown.length > 0 && <ContactList contacts={shown} onDelete={setDeleting} />}
        {total > contacts.length && !group && <p className="hint pad">Showing the first {contacts.length} of {total}; search to find the others.</p>}
      </section>
      <section className="pane detail-pane" aria-label="Contact details">
        {selected ? <ContactDetail key={selected.id} contact={selected} /> : <p className="muted pad">{shown.length > 0 ? 'Select a contact to see and edit it.' : ''}</p>}
      </section>
      {adding && <ContactFormDialog contact={null} open onClose={() => setAdding(false)} />}
      {importing && (
        <ImportDialog open onClose={() => setImporting(false)} onImported={(n) => {
          setImporting(false);
          setMessage(`Imported ${plural(n, 'contact')}.`);
          announce(`Imported ${plural(n, 'contact')}.`);
        }} />
      )}
      <ConfirmDialog
        title={`Delete ${deleting ? deleting.name || deleting.organisation : ''}?`}
        open={deleting !== null}
        confirmLabel="Delete contact"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => { if (deleting) void removeContact(deleting.id); setDeleting(null); }}
      >
        <p>The contact leaves the address book and its groups. Faxes already sent to the number are kept.</p>
      </ConfirmDialog>
    </div>
  );
}
