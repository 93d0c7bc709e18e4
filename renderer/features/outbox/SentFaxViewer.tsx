import { useEffect, useState } from 'react';
import type { Rotation } from '../../../common/domain/document';
import type { OutboxJob } from '../../../common/domain/fax';
import { openDocument } from '../../pdf/pdfDocuments';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax } from '../../ui/format';
import { PageViewer } from '../viewer/PageViewer';
import { viewerDocumentId } from '../viewer/PageCanvas';

/** The pages a fax sent, in order: the cover page Faxdesk drew first, then each document's pages. */
export function sentPages(job: OutboxJob, urlOf: (id: string) => string) {
  return job.documents.flatMap((d) => Array.from({ length: d.pages ?? 0 }, (_v, i) => ({
    documentKey: viewerDocumentId('sent', d.id), url: urlOf(d.id), pageNumber: i + 1,
  })));
}

/**
 * A sent (or sending) fax in the same viewer as a received one: exactly the pages that went. Page
 * turns here are for reading only (what was sent cannot change), so they last while it is open.
 */
export function SentFaxViewer({ job, onClose }: { job: OutboxJob; onClose(): void }) {
  const urlOf = useFaxdesk((s) => s.documentUrl);
  const pages = sentPages(job, urlOf);
  const [rotations, setRotations] = useState<Record<string, Rotation>>({});
  const [size, setSize] = useState({ width: 612, height: 792 });
  const unknown = job.documents.filter((d) => d.pages === null).map((d) => d.name);
  const firstKey = pages[0]?.documentKey;
  const firstUrl = pages[0]?.url;

  // The first page's size, for fitting.
  useEffect(() => {
    if (!firstKey || !firstUrl) return;
    let live = true;
    void openDocument(firstKey, firstUrl).then(async (doc) => {
      const view = (await doc.getPage(1)).getViewport({ scale: 1 });
      if (live) setSize({ width: view.width, height: view.height });
    }, () => undefined);
    return () => { live = false; };
  }, [firstKey, firstUrl]);

  const turn = async (page: number | null) => {
    const turnOne = (r: Rotation | undefined): Rotation => ((((r ?? 0) + 90) % 360) as Rotation);
    setRotations((now) => {
      const next = { ...now };
      for (const p of page === null ? pages.map((_v, i) => i) : [page]) next[String(p)] = turnOne(now[String(p)]);
      return next;
    });
    return null;
  };
  return (
    <PageViewer
      title={`Fax to ${formatFax(job.to)}`}
      note={unknown.length > 0 ? `${unknown.join(', ')}: converted by the fax service, not shown` : undefined}
      pages={pages}
      pageSize={size}
      rotations={rotations}
      onTurn={turn}
      onClose={onClose}
    />
  );
}
