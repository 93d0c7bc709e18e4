import { useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import type { RecipientSuggestion } from '../../../common/domain/contact';
import { readFaxNumber } from '../../../common/domain/recipients';
import { useFaxdesk } from '../../store/StoreProvider';
import { useRecipientSearch, suggestionRecipients } from './useRecipientSearch';

function SuggestionText({ item }: { item: RecipientSuggestion }) {
  if (item.kind === 'contact') {
    const c = item.contact;
    return (
      <>
        <span className="option-main">{c.favourite && <span aria-label="Favourite">★ </span>}{c.name || c.organisation}</span>
        <span className="option-meta">{c.name && c.organisation ? `${c.organisation} · ` : ''}{readFaxNumber(c.faxNumber).ok ? (readFaxNumber(c.faxNumber) as { display: string }).display : c.faxNumber}</span>
      </>
    );
  }
  if (item.kind === 'group') {
    return (
      <>
        <span className="option-main">Group: {item.group.name}</span>
        <span className="option-meta">{item.members.length === 1 ? '1 member' : `${item.members.length} members`}</span>
      </>
    );
  }
  const c = readFaxNumber(item.recent.number);
  return (
    <>
      <span className="option-main">{c.ok ? c.display : item.recent.number}</span>
      <span className="option-meta">Faxed before</span>
    </>
  );
}

const optionKey = (item: RecipientSuggestion) =>
  item.kind === 'contact' ? item.contact.id : item.kind === 'group' ? `g-${item.group.id}` : `r-${item.recent.number}`;

/**
 * Who the fax goes to: a combobox that searches the address book as you type (name, organisation or
 * digits; ↑/↓ move, Enter picks, Escape closes the list), numbers typed or pasted (one per line, or
 * separated by commas or semicolons), each recipient a chip.
 */
export function RecipientField() {
  const recipients = useFaxdesk((s) => s.recipients);
  const text = useFaxdesk((s) => s.numberText);
  const touched = useFaxdesk((s) => s.numberTouched);
  const notice = useFaxdesk((s) => s.recipientNotice);
  const region = useFaxdesk((s) => s.appSettings?.region);
  const setText = useFaxdesk((s) => s.setNumberText);
  const commit = useFaxdesk((s) => s.commitNumber);
  const touch = useFaxdesk((s) => s.touchNumber);
  const remove = useFaxdesk((s) => s.removeRecipient);
  const pick = useFaxdesk((s) => s.pickRecipients);
  const addList = useFaxdesk((s) => s.addNumberList);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useRecipientSearch(text, open);

  useEffect(() => inputRef.current?.focus(), []);

  const check = text.trim() === '' ? null : readFaxNumber(text, region);
  // While the list offers matches, what is typed is a search, not a wrong number.
  const error = touched && check && !check.ok && !(open && suggestions.length > 0) ? check.message : null;
  const expanded = open && suggestions.length > 0;

  const choose = (item: RecipientSuggestion) => {
    pick(suggestionRecipients(item));
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(suggestions.length - 1, i + 1));
    } else if (e.key === 'ArrowUp' && expanded) {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === 'Escape' && expanded) {
      // Closes the list only; a second Escape closes compose.
      e.preventDefault();
      e.nativeEvent.stopImmediatePropagation();
      setOpen(false);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (expanded && active >= 0 && suggestions[active]) choose(suggestions[active]);
      else if (commit()) setOpen(false);
    } else if (e.key === 'Backspace' && text === '' && recipients.length > 0) {
      remove(recipients[recipients.length - 1]!.e164);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!/[\n,;]/.test(pasted.trim())) return; // one number: pasted into the field as usual
    e.preventDefault();
    const rest = addList(`${text}\n${pasted}`);
    setText(rest.join(', '));
    setOpen(false);
  };

  return (
    <div className="field recipient-field">
      <label htmlFor={id}>Fax number</label>
      <div className={`recipient-box${error ? ' invalid' : ''}`}>
        {recipients.length > 0 && (
          <ul className="chips" aria-label="Recipients">
            {recipients.map((r) => (
              <li key={r.e164} className="chip" title={r.display}>
                {r.name ? <span><span className="chip-name">{r.name}</span> <span className="chip-number">{r.display}</span></span> : <span>{r.display}</span>}
                <button type="button" className="chip-remove" aria-label={`Remove ${r.name ? `${r.name} (${r.display})` : r.display}`} onClick={() => remove(r.e164)}>×</button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={recipients.length ? 'Add another' : 'Name, organisation or fax number'}
          value={text}
          onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => { setOpen(false); touch(); }}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
        <ul id={listId} role="listbox" aria-label="Contacts and numbers" className="suggestions" hidden={!expanded}>
          {expanded && suggestions.map((item, i) => (
            <li
              key={optionKey(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="suggestion"
              // mousedown, not click: the input keeps focus and its blur does not close the list first.
              onMouseDown={(e) => { e.preventDefault(); choose(item); }}
              onMouseEnter={() => setActive(i)}
            >
              <SuggestionText item={item} />
            </li>
          ))}
        </ul>
      </div>
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
      {notice && <p className="hint notice" role="status">{notice}</p>}
      <p id={hintId} className="hint">Type a name, organisation or number; press Enter or a comma to add it. Paste a list to add several.</p>
    </div>
  );
}
