import mammoth from 'mammoth';
import { useEffect, useRef, useState } from 'react';

/** Elements mammoth writes that the preview keeps; everything else is unwrapped to its text. */
const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'EM', 'U', 'S', 'SUP', 'SUB', 'UL', 'OL', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'BR', 'IMG']);
const CELL_SPANS = ['colspan', 'rowspan'];

/**
 * Copies mammoth's HTML into nodes of this document, keeping structure and text only: no
 * attributes but image data and table spans, no links to follow, nothing that could run.
 */
export function cleanDocxHtml(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(child.textContent ?? ''));
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      if (!KEEP.has(el.tagName)) {
        copy(el, to);
        continue;
      }
      const clean = document.createElement(el.tagName.toLowerCase());
      if (el.tagName === 'IMG') {
        const src = el.getAttribute('src') ?? '';
        if (!src.startsWith('data:image/')) continue;
        clean.setAttribute('src', src);
        clean.setAttribute('alt', el.getAttribute('alt') ?? '');
      }
      for (const name of CELL_SPANS) {
        const value = el.getAttribute(name);
        if (value && /^\d{1,3}$/.test(value)) clean.setAttribute(name, value);
      }
      copy(el, clean);
      to.appendChild(clean);
    }
  };
  copy(parsed.body, out);
  return out;
}

type State = { phase: 'loading' } | { phase: 'done'; html: string } | { phase: 'failed' };

/**
 * A Word file the fax service converts itself: only a layout engine paginates Word files, so
 * this is its text and structure, clearly marked approximate, with no page count.
 */
export function DocxPreview({ url, name, width }: { url: string; name: string; width: number }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const sheetRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const response = await fetch(url, { signal: abort.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const result = await mammoth.convertToHtml({ arrayBuffer: await response.arrayBuffer() });
        if (!abort.signal.aborted) setState({ phase: 'done', html: result.value });
      } catch (error) {
        if (abort.signal.aborted) return;
        console.warn('preview: a Word file could not be read', { error: String(error) });
        setState({ phase: 'failed' });
      }
    })();
    return () => abort.abort();
  }, [url]);

  useEffect(() => {
    if (state.phase === 'done') sheetRef.current?.replaceChildren(cleanDocxHtml(state.html));
  }, [state]);

  return (
    <div className="docx-preview">
      <p className="banner banner-info docx-approximate">
        <strong>Approximate preview — the fax service converts it.</strong> {name} is sent as it is; its page count is unknown until the fax service lays it out.
      </p>
      {state.phase === 'loading' && <p className="muted" role="status">Reading {name}…</p>}
      {state.phase === 'failed' && <p className="thumb-error">{name} could not be shown. It is still sent as it is.</p>}
      <div ref={sheetRef} className="docx-sheet" role="document" aria-label={`${name}, approximate preview`} style={{ width }} hidden={state.phase !== 'done'} />
    </div>
  );
}
