import { useEffect } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import { useFaxdesk } from '../../store/StoreProvider';
import { NotesAndTags } from '../../ui/NotesAndTags';

/** A received fax's tags and note, kept with it and found by the inbox's search. */
export function FaxNotes({ fax }: { fax: InboxFax }) {
  const annotate = useFaxdesk((s) => s.annotateFax);
  const tagsInUse = useFaxdesk((s) => s.inboxTags);
  const loadTags = useFaxdesk((s) => s.loadInboxTags);
  useEffect(() => { void loadTags(); }, [loadTags]);
  return <NotesAndTags notes={fax.notes} tags={fax.tags} suggestions={tagsInUse.map((t) => t.tag)} onChange={(change) => annotate(fax.id, change)} />;
}
