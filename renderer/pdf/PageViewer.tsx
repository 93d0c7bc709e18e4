import { useEffect, useRef, useState } from 'react';
import { LargePage, type PreviewPage } from './PagePreview';

const MAX_WIDTH = 760;

interface Props {
  pages: readonly PreviewPage[];
  index: number;
  onIndex(index: number): void;
  onClose(): void;
}

/** One page, larger, with Previous/Next; Escape (or "All pages") goes back to the thumbnails. */
export function PageViewer({ pages, index, onIndex, onClose }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const page = pages[index];

  useEffect(() => rootRef.current?.focus(), []);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    // Re-render at the new size only once the width settles on a new 40 px step.
    const observer = new ResizeObserver(([entry]) => {
      const available = Math.floor((entry?.contentRect.width ?? 0) / 40) * 40;
      setWidth(Math.max(120, Math.min(MAX_WIDTH, available)));
    });
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  if (!page) return null;
  const go = (to: number) => {
    if (to < 0 || to >= pages.length) return;
    onIndex(to);
    // A button that becomes disabled drops focus to the page: keep it in the viewer so Escape still works.
    if (to === 0 || to === pages.length - 1) rootRef.current?.focus();
  };
  const prev = () => go(index - 1);
  const next = () => go(index + 1);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Handled here so the window-wide Escape does not also close compose.
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      prev();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      next();
    }
  };

  return (
    <div ref={rootRef} className="page-viewer" tabIndex={-1} onKeyDown={onKeyDown} aria-label={`${page.label}. Escape goes back to all pages.`} role="group">
      <div className="viewer-bar">
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">All pages</button>
        <span className="viewer-position" aria-live="polite">
          Page {index + 1} of {pages.length}
          <span className="muted"> · {page.docName}, page {page.pageNumber}</span>
        </span>
        <span className="viewer-nav">
          <button type="button" onClick={prev} disabled={index === 0} aria-keyshortcuts="ArrowLeft">Previous</button>
          <button type="button" onClick={next} disabled={index >= pages.length - 1} aria-keyshortcuts="ArrowRight">Next</button>
        </span>
      </div>
      <div ref={stageRef} className="viewer-stage">
        {width > 0 && <LargePage key={page.id} page={page} width={width} />}
      </div>
    </div>
  );
}
