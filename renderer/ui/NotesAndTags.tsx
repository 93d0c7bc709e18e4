import { useId, useState } from 'react';
import { TagDot } from './tagColour';

interface Props {
  notes: string;
  tags: readonly string[];
  /** Tags in use elsewhere, offered as the person types. */
  suggestions: readonly string[];
  /** Saves the change; answers what went wrong, or null. */
  onChange(change: { notes?: string; tags?: string[] }): Promise<string | null>;
}

/**
 * Tags (as chips, each with its colour, suggested from those in use) and a note, kept with a fax —
 * received or sent — and found by search. Keyed by the fax where it is used, so another fax starts
 * with its own note.
 */
export function NotesAndTags({ notes: saved, tags, suggestions, onChange }: Props) {
  const [tag, setTag] = useState('');
  const [notes, setNotes] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const tagId = useId();
  const listId = useId();
  const notesId = useId();

  const addTag = async () => {
    const value = tag.trim();
    if (!value) return;
    setTag('');
    setProblem(await onChange({ tags: [...tags, value] }));
  };
  const removeTag = async (t: string) => setProblem(await onChange({ tags: tags.filter((x) => x !== t) }));

  return (
    <section className="fax-notes" aria-label="Tags and note">
      <div className="field">
        <label htmlFor={tagId}>Tags</label>
        {tags.length > 0 && (
          <ul className="chips" aria-label="Tags of this fax">
            {tags.map((t) => (
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
        <datalist id={listId}>{suggestions.filter((t) => !tags.includes(t)).map((t) => <option key={t} value={t} />)}</datalist>
      </div>
      <div className="field">
        <label htmlFor={notesId}>Note</label>
        <textarea id={notesId} rows={2} maxLength={5000} value={notes} onChange={(e) => setNotes(e.target.value)}
          onBlur={() => { if (notes !== saved) void onChange({ notes }).then(setProblem); }} />
      </div>
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </section>
  );
}
