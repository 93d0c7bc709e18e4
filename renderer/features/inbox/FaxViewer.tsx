import { useEffect, useState } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import { openDocument } from '../../pdf/pdfDocuments';
import { useFaxdesk } from '../../store/StoreProvider';
import { PageViewer } from '../viewer/PageViewer';
import { viewerDocumentId } from '../viewer/PageCanvas';
import { FaxActions } from './FaxActions';
import { senderOf } from './InboxRow';
import { SplitDialog } from './SplitDialog';

/** A received fax in the viewer: its actions above, page turns kept with the fax, split pages off. */
export function FaxViewer({ fax }: { fax: InboxFax }) {
  const close = useFaxdesk((s) => s.closeViewer);
  const turnPages = useFaxdesk((s) => s.turnFaxPages);
  const url = useFaxdesk((s) => s.faxDocumentUrl(fax.id));
  const [size, setSize] = useState({ pages: fax.document.pages ?? fax.pages ?? 0, width: 612, height: 792 });
  const [problem, setProblem] = useState<string | null>(null);
  const [splitAt, setSplitAt] = useState<number | null>(null);
  const documentKey = viewerDocumentId('inbox', fax.id);

  // The document's page count and first page size, from pdf.js itself.
  useEffect(() => {
    let live = true;
    void openDocument(documentKey, url).then(async (doc) => {
      const first = await doc.getPage(1);
      const view = first.getViewport({ scale: 1 });
      if (live) setSize({ pages: doc.numPages, width: view.width, height: view.height });
    }, () => { if (live) setProblem('The fax’s document could not be opened.'); });
    return () => { live = false; };
  }, [documentKey, url]);

  const pages = Array.from({ length: size.pages }, (_v, i) => ({ documentKey, url, pageNumber: i + 1 }));
  return (
    <>
      <PageViewer
        title={`Fax from ${senderOf(fax)}`}
        note={fax.filedTo ? `Filed to ${fax.filedTo}` : undefined}
        pages={pages}
        pageSize={size}
        rotations={fax.rotations}
        onTurn={(page) => turnPages(fax, page, size.pages)}
        onClose={close}
        actions={<FaxActions fax={fax} />}
        tools={(current) => size.pages > 1 && <button type="button" onClick={() => setSplitAt(current)}>Split pages off…</button>}
        problem={problem}
      />
      {splitAt !== null && <SplitDialog fax={fax} pageCount={size.pages} current={splitAt} onClose={() => setSplitAt(null)} />}
    </>
  );
}

