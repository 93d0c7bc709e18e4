import { useState } from 'react';
import type { DocumentInfo } from '../../../common/domain/document';
import type { InboxFax } from '../../../common/domain/inbox';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';

/** "Pages 2–3" / "Pages 1, 3". */
export function pagesText(pages: readonly number[]): string {
  const sorted = [...pages].sort((a, b) => a - b).map((p) => p + 1);
  const contiguous = sorted.every((p, i) => i === 0 || p === sorted[i - 1]! + 1);
  if (sorted.length === 1) return `Page ${sorted[0]}`;
  return contiguous ? `Pages ${sorted[0]}–${sorted.at(-1)}` : `Pages ${sorted.join(', ')}`;
}

/**
 * Split pages off a received fax (a packet holding several patients): the chosen pages become a
 * document of their own, to forward or save apart; the fax itself stays whole.
 */
export function SplitDialog({ fax, pageCount, current, onClose }: { fax: InboxFax; pageCount: number; current: number; onClose(): void }) {
  const split = useFaxdesk((s) => s.splitFax);
  const startFromDocuments = useFaxdesk((s) => s.startFromDocuments);
  const showPane = useFaxdesk((s) => s.showPane);
  const documentUrl = useFaxdesk((s) => s.documentUrl);
  const [picked, setPicked] = useState<Set<number>>(() => new Set([current]));
  const [made, setMade] = useState<DocumentInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = (page: number) => setPicked((s) => {
    const next = new Set(s);
    if (next.has(page)) next.delete(page); else next.add(page);
    return next;
  });
  const run = async () => {
    const r = await split(fax.id, [...picked].sort((a, b) => a - b));
    if (r.ok) setMade(r.value); else setProblem([r.error.message, r.error.nextStep].filter(Boolean).join(' '));
  };
  return (
    <Dialog title="Split pages off" open onClose={onClose}>
      {made ? (
        <>
          <p role="status">{pagesText([...picked])} are now a document of their own ({made.name}). The fax stays whole.</p>
          <div className="dialog-actions">
            <a className="button-link" href={documentUrl(made.id)} download={made.name}>Save them</a>
            <button type="button" onClick={() => { startFromDocuments([made]); showPane('compose'); onClose(); }}>Forward them</button>
            <button type="button" className="primary" data-autofocus onClick={onClose}>Done</button>
          </div>
        </>
      ) : (
        <>
          <fieldset className="split-pages">
            <legend>Pages to split off</legend>
            {Array.from({ length: pageCount }, (_v, page) => (
              <label key={page} className="check"><input type="checkbox" checked={picked.has(page)} onChange={() => toggle(page)} /> Page {page + 1}</label>
            ))}
          </fieldset>
          {problem && <p className="error-text" role="alert">{problem}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="button" className="primary" disabled={picked.size === 0 || picked.size === pageCount} onClick={() => void run()}>
              Split off {plural(picked.size, 'page')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
