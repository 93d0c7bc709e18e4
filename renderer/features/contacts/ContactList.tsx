import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Contact } from '../../../common/domain/contact';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax } from '../../ui/format';

/** One line per contact (name · organisation · number · favourite); ↑/↓ move, Home/End jump, Delete asks to delete. */
export function ContactList({ contacts, onDelete }: { contacts: Contact[]; onDelete(contact: Contact): void }) {
  const selectedId = useFaxdesk((s) => s.selectedContactId);
  const select = useFaxdesk((s) => s.selectContact);
  const toggleFavourite = useFaxdesk((s) => s.toggleFavourite);
  const refs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (selectedId) refs.current.get(selectedId)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, contacts.length]);

  const focusAt = (i: number) => {
    const c = contacts[Math.max(0, Math.min(contacts.length - 1, i))];
    if (!c) return;
    select(c.id);
    refs.current.get(c.id)?.focus();
  };
  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); focusAt(i + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focusAt(i - 1); }
    else if (e.key === 'Home') { e.preventDefault(); focusAt(0); }
    else if (e.key === 'End') { e.preventDefault(); focusAt(contacts.length - 1); }
    else if (e.key === 'Delete') { e.preventDefault(); onDelete(contacts[i]!); }
  };

  return (
    <ul className="contact-list" aria-label="Contacts">
      {contacts.map((c, i) => {
        const title = c.name || c.organisation;
        return (
          <li key={c.id} className={`contact-row${c.id === selectedId ? ' selected' : ''}`} aria-current={c.id === selectedId ? 'true' : undefined}>
            <button
              type="button"
              className="contact-row-main"
              ref={(el) => { if (el) refs.current.set(c.id, el); else refs.current.delete(c.id); }}
              tabIndex={c.id === selectedId || (!selectedId && i === 0) ? 0 : -1}
              onClick={() => select(c.id)}
              onKeyDown={onKeyDown(i)}
            >
              <span className="contact-name">{title}</span>
              <span className="contact-org">{c.name ? c.organisation : ''}</span>
              <span className="contact-number">{formatFax(c.faxNumber)}</span>
            </button>
            <button
              type="button"
              className={`star${c.favourite ? ' on' : ''}`}
              aria-pressed={c.favourite}
              aria-label={`Favourite: ${title}`}
              title={c.favourite ? 'Favourite (offered first in compose)' : 'Mark as favourite'}
              onClick={() => void toggleFavourite(c)}
            >{c.favourite ? '★' : '☆'}</button>
          </li>
        );
      })}
    </ul>
  );
}
