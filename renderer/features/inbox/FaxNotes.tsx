import { useEffect, useId, useState } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import { useFaxdesk } from '../../store/StoreProvider';
import { TagDot } from '../../ui/tagColour';

/**
 * Tags (as chips, suggested from those in use) and a note, kept with the fax and found by the
 * inbox's search. Keyed by the fax where it is used, so another fax starts with its own note.
 */
export function FaxNotes({ fax }: { fax: InboxFax }) {
  const annotate = useFaxdesk((s) => s.annotateFax);
  const tagsInUse = useFaxdesk((s) => s.inboxTags);
  const loadTags = useFaxdesk((s) => s.loadInboxTags);
  const [tag, setTag] = useState('');
  const [notes, setNotes] = useState(fax.notes);
  const [problem, setProblem] = useState<string | null>(null);
  const tagId = useId();
  const listId = useId();
  const notesId = useId();
  useEffect(() => { void loadTags(); }, [loadTags]);

  const addTag = async () => {
    const value = tag.trim();
    if (!value) return;
    setTag('');
    setProblem(await annotate(fax.id, { tags: [...fax.tags, value] }));
  };
  const removeTag = async (t: string) => setProblem(await annotate(fax.id, { tags: fax.tags.filter((x) => x !== t) }));

  return (
    <section className="fax-notes" aria-label="Tags and note">
      <div className="field">
        <label htmlFor={tagId}>Tags</label>
        {fax.tags.length > 0 && (
          <ul className="chips" aria-label="Tags of this fax">
            {fax.tags.map((t) => (
              <li key={t} className="chip tag-chip">
                <TagDot tag={t} />
                <span>{t}</span>
                <button type="button" className="chip-remove" aria-label={`Remove the tag ${t}`} onClick={() => void removeTag(t)}>×</button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-add">
          <input id={tagId} type="text" list={listId} maxLength={40} value={tag} placeholder="Add a tag"
            onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void addTag(); } }} />
          <button type="button" disabled={!tag.trim()} onClick={() => void addTag()}>Add tag</button>
        </div>
        <datalist id={listId}>{tagsInUse.filter((t) => !fax.tags.includes(t.tag)).map((t) => <option key={t.tag} value={t.tag} />)}</datalist>
      </div>
      <div className="field">
        <label htmlFor={notesId}>Note</label>
        <textarea id={notesId} rows={2} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)}
          onBlur={() => { if (notes !== fax.notes) void annotate(fax.id, { notes }).then(setProblem); }} />
      </div>
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </section>
  );
}
