import { useEffect, useId, useRef } from 'react';
import { checkFaxNumber } from '../../../common/domain/phone';
import { useFaxdesk } from '../../store/StoreProvider';

export function RecipientField() {
  const recipients = useFaxdesk((s) => s.recipients);
  const text = useFaxdesk((s) => s.numberText);
  const touched = useFaxdesk((s) => s.numberTouched);
  const setText = useFaxdesk((s) => s.setNumberText);
  const commit = useFaxdesk((s) => s.commitNumber);
  const touch = useFaxdesk((s) => s.touchNumber);
  const remove = useFaxdesk((s) => s.removeRecipient);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  useEffect(() => inputRef.current?.focus(), []);

  const check = text.trim() === '' ? null : checkFaxNumber(text);
  const error = touched && check && !check.ok ? check.message : null;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && recipients.length > 0) {
      remove(recipients[recipients.length - 1]!.e164);
    }
  };

  return (
    <div className="field recipient-field">
      <label htmlFor={id}>Fax number</label>
      <div className={`recipient-box${error ? ' invalid' : ''}`}>
        {recipients.length > 0 && (
          <ul className="chips" aria-label="Recipients">
            {recipients.map((r) => (
              <li key={r.e164} className="chip">
                <span>{r.display}</span>
                <button type="button" className="chip-remove" aria-label={`Remove ${r.display}`} onClick={() => remove(r.e164)}>×</button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          placeholder={recipients.length ? 'Add another number' : '+1 201 555 0123'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={touch}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
      </div>
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
      <p id={hintId} className="hint">Press Enter or type a comma to add another recipient.</p>
    </div>
  );
}
