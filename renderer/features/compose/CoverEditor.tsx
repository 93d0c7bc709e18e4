import { useEffect, useId, useState } from 'react';
import { URGENCY_MARKS, URGENCY_WORDS } from '../../../common/domain/cover';
import { useFaxdesk } from '../../store/StoreProvider';
import { pickAccount } from '../../store/sendPlan';
import { CoverTemplateEditor } from './CoverTemplateEditor';
import { useSendPlan } from './useSendPlan';

/** Waits this long after the last keystroke before the core draws the cover again. */
const REDRAW_MS = 350;

function Field({ label, value, onChange, placeholder, wide }: { label: string; value: string; onChange(v: string): void; placeholder?: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={`field${wide ? ' cover-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/**
 * The cover page: none, one Faxdesk draws from a template (page 1 of the preview is the real page
 * the core drew, for the first recipient; each recipient gets their own), or the fax service's own.
 */
export function CoverEditor() {
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const mode = useFaxdesk((s) => s.coverMode);
  const templates = useFaxdesk((s) => s.coverTemplates);
  const templateId = useFaxdesk((s) => s.coverTemplateId);
  const fields = useFaxdesk((s) => s.coverFields);
  const serverCovers = useFaxdesk((s) => s.serverCovers);
  const serverCoverId = useFaxdesk((s) => s.serverCoverId);
  const preview = useFaxdesk((s) => s.coverPreview);
  const coverError = useFaxdesk((s) => s.coverError);
  const setCoverMode = useFaxdesk((s) => s.setCoverMode);
  const setCoverTemplate = useFaxdesk((s) => s.setCoverTemplate);
  const setCoverField = useFaxdesk((s) => s.setCoverField);
  const setCoverPerson = useFaxdesk((s) => s.setCoverPerson);
  const toggleUrgency = useFaxdesk((s) => s.toggleUrgency);
  const setServerCover = useFaxdesk((s) => s.setServerCover);
  const loadServerCovers = useFaxdesk((s) => s.loadServerCovers);
  const loadCoverTemplates = useFaxdesk((s) => s.loadCoverTemplates);
  const refreshCoverPreview = useFaxdesk((s) => s.refreshCoverPreview);
  const plan = useSendPlan();
  const firstName = useFaxdesk((s) => s.recipients[0]?.name);
  const selectId = useId();
  const messageId = useId();
  const [editing, setEditing] = useState(false);

  const serviceCovers = account?.capabilities.includes('serverCoverPages') ?? false;
  const accountId = account?.id;
  useEffect(() => { void loadCoverTemplates(); }, [loadCoverTemplates]);
  useEffect(() => {
    if (accountId && serviceCovers) void loadServerCovers(accountId);
    else if (mode === 'service') setCoverMode('none');
  }, [accountId, serviceCovers, loadServerCovers, mode, setCoverMode]);

  const to = plan.to[0];
  const contentPages = plan.pages - (mode === 'none' || plan.pages === 0 ? 0 : 1);
  useEffect(() => {
    if (mode !== 'faxdesk') return;
    const timer = setTimeout(() => void refreshCoverPreview(to, contentPages), REDRAW_MS);
    return () => clearTimeout(timer);
  }, [mode, templateId, fields, to, contentPages, refreshCoverPreview]);

  const value = mode === 'none' ? 'none' : mode === 'service' ? `service:${serverCoverId ?? ''}` : templateId;
  const choose = (next: string) => {
    if (next === 'none') setCoverMode('none');
    else if (next.startsWith('service:')) {
      setServerCover(next.slice('service:'.length) || null);
      setCoverMode('service');
    } else {
      setCoverTemplate(next);
      setCoverMode('faxdesk');
    }
  };
  const template = templates.find((t) => t.id === templateId);
  const fit = preview?.fit;

  return (
    <section className="cover-editor" aria-labelledby={`${selectId}-title`}>
      <h2 id={`${selectId}-title`} className="section-title">Cover page</h2>
      <div className="field">
        <label htmlFor={selectId}>Cover page template</label>
        <select id={selectId} value={value} onChange={(e) => choose(e.target.value)}>
          <option value="none">No cover page</option>
          <optgroup label="Drawn by Faxdesk (in the preview)">
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name}{t.builtIn ? '' : ' (yours)'}</option>)}
          </optgroup>
          {serviceCovers && serverCovers.length > 0 && (
            <optgroup label={`Added by ${account?.name ?? 'the fax service'}`}>
              {serverCovers.map((c) => <option key={c.id} value={`service:${c.id}`}>{c.name}</option>)}
            </optgroup>
          )}
        </select>
      </div>
      {mode === 'service' && (
        <p className="hint">The fax service adds this cover page as it sends and fills in the fields below; it is not in the preview. It counts as one page.</p>
      )}
      {mode !== 'none' && (
        <>
          {mode === 'faxdesk' && template && (
            <div className="cover-template-actions">
              <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
                {template.builtIn ? 'Make my own template…' : 'Edit template…'}
              </button>
            </div>
          )}
          {mode === 'faxdesk' && editing && template && <CoverTemplateEditor template={template} onDone={() => setEditing(false)} />}
          <div className="cover-grid">
            <Field label="Recipient name" value={fields.recipient.name} onChange={(v) => setCoverPerson('recipient', 'name', v)}
              placeholder={firstName ? `${firstName} (address book)` : 'From the address book'} />
            <Field label="Recipient organisation" value={fields.recipient.organisation} onChange={(v) => setCoverPerson('recipient', 'organisation', v)} />
            <Field label="Recipient fax number" value={fields.recipient.fax} onChange={(v) => setCoverPerson('recipient', 'fax', v)} placeholder="Each recipient's own number" />
            <Field label="Sender name" value={fields.sender.name} onChange={(v) => setCoverPerson('sender', 'name', v)} />
            <Field label="Sender organisation" value={fields.sender.organisation} onChange={(v) => setCoverPerson('sender', 'organisation', v)} />
            <Field label="Sender phone" value={fields.sender.phone} onChange={(v) => setCoverPerson('sender', 'phone', v)} />
            <Field label="Sender fax number" value={fields.sender.fax} onChange={(v) => setCoverPerson('sender', 'fax', v)} />
            <Field label="Date" value={fields.date} onChange={(v) => setCoverField('date', v)} placeholder="Today" />
            <Field label="Subject" value={fields.subject} onChange={(v) => setCoverField('subject', v)} wide />
          </div>
          <div className="field">
            <label htmlFor={messageId}>Message</label>
            <textarea id={messageId} rows={4} value={fields.message} onChange={(e) => setCoverField('message', e.target.value)} aria-describedby={`${messageId}-fit`} />
          </div>
          <fieldset className="cover-marks">
            <legend>Marks</legend>
            {URGENCY_MARKS.map((mark) => (
              <label key={mark} className="check">
                <input type="checkbox" checked={fields.urgency.includes(mark)} onChange={() => toggleUrgency(mark)} /> {URGENCY_WORDS[mark]}
              </label>
            ))}
          </fieldset>
          <div id={`${messageId}-fit`}>
            {coverError && <p className="banner banner-danger" role="alert">The cover page cannot be drawn: {coverError}</p>}
            {mode === 'faxdesk' && fit && !fit.fits && (
              <p className="banner banner-danger" role="alert">
                The message is too long for one page: it is cut after “{fit.cutAfter}”. Shorten it (the text already shrank to {fit.messageSize} pt), or put it in a document of its own.
              </p>
            )}
            {mode === 'faxdesk' && fit && fit.fits && fit.messageSize < 11 && <p className="hint">The message is set in {fit.messageSize} pt to fit the page.</p>}
            {mode === 'faxdesk' && fit && fit.missingCharacters.length > 0 && (
              <p className="banner banner-warning" role="status">
                These characters cannot be drawn with the fonts on this computer and print as “?”: {fit.missingCharacters.join(' ')}
              </p>
            )}
            {mode === 'faxdesk' && fit?.cutFields && fit.cutFields.length > 0 && (
              <p className="banner banner-warning" role="status">Too long for its line, ended with “…”: {fit.cutFields.join(', ')}.</p>
            )}
            {mode === 'faxdesk' && fit && <p className="hint">{fit.fontNote} Each recipient gets a cover with their own fax number.</p>}
          </div>
        </>
      )}
    </section>
  );
}
