import { useEffect, useState } from 'react';
import type { RecipientSuggestion } from '../../../common/domain/contact';
import { readFaxNumber } from '../../../common/domain/recipients';
import type { Recipient } from '../../store/composeSlice';
import { useFaxdesk } from '../../store/StoreProvider';

/** The recipients one line of the list stands for: a contact, a number faxed before, or every member of a group. */
export function suggestionRecipients(item: RecipientSuggestion): Recipient[] {
  const one = (e164: string, name?: string): Recipient[] => {
    const c = readFaxNumber(e164);
    return c.ok ? [{ e164: c.e164, display: c.display, ...(name ? { name } : {}) }] : [];
  };
  if (item.kind === 'contact') return one(item.contact.faxNumber, item.contact.name || item.contact.organisation);
  if (item.kind === 'recent') return one(item.recent.number);
  return item.members.flatMap((m) => one(m.faxNumber, m.name || m.organisation));
}

/** Asks the core for matches on every keystroke while the list is open; a slower, older answer never wins. */
export function useRecipientSearch(text: string, open: boolean): RecipientSuggestion[] {
  const search = useFaxdesk((s) => s.searchRecipients);
  const [found, setFound] = useState<{ text: string; items: RecipientSuggestion[] }>({ text: '', items: [] });
  useEffect(() => {
    if (!open) return;
    let current = true;
    void search(text).then((items) => {
      if (current) setFound({ text, items });
    });
    return () => { current = false; };
  }, [search, text, open]);
  return open && found.text === text ? found.items : [];
}
