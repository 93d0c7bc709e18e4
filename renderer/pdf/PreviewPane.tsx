import { useEffect, useMemo, useRef, useState } from 'react';
import type { ComposeDoc } from '../store/composeSlice';
import { useFaxdesk } from '../store/StoreProvider';
import { plural } from '../ui/format';
import { PageThumb, type PreviewPage } from './PagePreview';
import { PageViewer } from './PageViewer';
import { keepOnly, releaseAll } from './pdfPreview';

/** Every page that will be faxed, in send order: the ready documents, in strip order. */
export function previewPages(docs: readonly ComposeDoc[]): PreviewPage[] {
  const ready = docs.flatMap((d) => (d.status === 'ready' ? [d] : []));
  const total = ready.reduce((n, d) => n + (d.info.pages ?? 0), 0);
  const pages: PreviewPage[] = [];
  for (const d of ready) {
    for (let p = 1; p <= (d.info.pages ?? 0); p++) {
      const index = pages.length;
      pages.push({
        id: `${d.key}:${p}`, docKey: d.key, file: d.file, docName: d.name, pageNumber: p, index,
        label: `Page ${index + 1} of ${total} (${d.name}, page ${p})`,
      });
    }
  }
  return pages;
}

/** The right-hand side of compose (below the form on narrow windows): what will be sent. */
export function PreviewPane() {
  const docs = useFaxdesk((s) => s.docs);
  const pages = useMemo(() => previewPages(docs), [docs]);
  const [open, setOpen] = useState<number | null>(null);
  const returnTo = useRef<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const loading = docs.filter((d) => d.status === 'reading');
  const viewing = open !== null && pages.length > 0 ? Math.min(open, pages.length - 1) : null;

  // Removed files: destroy their pdf.js documents. Leaving compose (or sending): destroy them all.
  useEffect(() => keepOnly(new Set(docs.map((d) => d.key))), [docs]);
  useEffect(() => releaseAll, []);

  // Back from the large view: focus the thumbnail of the page that was open.
  useEffect(() => {
    if (viewing !== null || returnTo.current === null) return;
    const i = returnTo.current;
    returnTo.current = null;
    const thumbs = sectionRef.current?.querySelectorAll<HTMLButtonElement>('button[data-page-index]');
    if (thumbs && thumbs.length > 0) thumbs[Math.min(i, thumbs.length - 1)]?.focus();
  }, [viewing]);

  const close = () => {
    returnTo.current = viewing;
    setOpen(null);
  };

  return (
    <section ref={sectionRef} className="preview" aria-label="Preview">
      <header className="preview-header">
        <h2 className="section-title">{pages.length > 0 ? `Preview — ${plural(pages.length, 'page')}` : 'Preview'}</h2>
        {loading.length > 0 && (
          <p className="hint" role="status">Loading {loading.map((d) => d.name).join(', ')}…</p>
        )}
      </header>
      {pages.length === 0 ? (
        <p className="preview-empty muted">The pages you add appear here, in the order they will be faxed.</p>
      ) : viewing !== null ? (
        <PageViewer pages={pages} index={viewing} onIndex={setOpen} onClose={close} />
      ) : (
        <div ref={scrollRef} className="preview-scroll">
          <ol className="thumbs" aria-label="Pages to send">
            {pages.map((p) => <PageThumb key={p.id} page={p} scrollRoot={scrollRef} onOpen={setOpen} />)}
          </ol>
        </div>
      )}
    </section>
  );
}
