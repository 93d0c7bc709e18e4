import { useEffect, useRef, useState } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import { removedByRetentionWords } from '../../../common/domain/retention';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { saveBytes } from '../../print/saveBytes';
import { senderOf } from './InboxRow';
import { FilePatientDialog } from './FilePatientDialog';

/** What a person does with a received fax: reviewed, print, save, forward, file, delete. Ctrl+P and Ctrl+S work while it is shown. */
export function FaxActions({ fax }: { fax: InboxFax }) {
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === fax.accountId));
  const markReviewed = useFaxdesk((s) => s.markFaxReviewed);
  const exportFax = useFaxdesk((s) => s.exportFax);
  const forward = useFaxdesk((s) => s.forwardFax);
  const deleteFax = useFaxdesk((s) => s.deleteFax);
  const archiveFax = useFaxdesk((s) => s.archiveFax);
  const printDocument = useFaxdesk((s) => s.printDocument);
  const deleteRequested = useFaxdesk((s) => s.deleteRequest === fax.id);
  const requestDelete = useFaxdesk((s) => s.requestDelete);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [asked, setAsking] = useState<'delete' | 'file' | null>(null);
  const ready = fax.document.state === 'ready';
  const removedId = `fax-removed-${fax.id}`;
  // Buttons that need the document say why they are off when retention removed it.
  const needsDocument = fax.removedByRetentionAt ? { 'aria-describedby': removedId } : {};
  const turned = Object.keys(fax.rotations).length > 0;
  const who = senderOf(fax);

  const run = async (what: string, task: () => Promise<string | null>) => {
    setWorking(what);
    setProblem(null);
    const failure = await task().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    setWorking(null);
    setProblem(failure);
  };
  const save = (rotated: boolean) => run(rotated ? 'save-turned' : 'save', async () => {
    const r = await exportFax(fax.id, rotated);
    if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
    saveBytes(r.value.name, r.value.bytes);
    return null;
  });
  // Printed as the person sees it: with the viewer's page turns.
  const print = () => run('print', async () => {
    const r = await exportFax(fax.id, turned, 'print');
    if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
    return printDocument(r.value.bytes);
  });

  const keys = useRef({ print, save });
  useEffect(() => { keys.current = { print, save }; });
  useEffect(() => {
    if (!ready) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'p') { e.preventDefault(); void keys.current.print(); }
      if (key === 's') { e.preventDefault(); void keys.current.save(false); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready]);

  const canDelete = account?.capabilities.includes('deleteFax') || account?.capabilities.includes('deleteContentOnly');
  // The Delete key in the list asks here, for the fax it is on.
  const asking = asked ?? (deleteRequested && canDelete ? 'delete' : null);
  const closeQuestion = () => { setAsking(null); requestDelete(null); };
  const canFile = fax.direction === 'inbound' && account?.capabilities.includes('assignToPatient');
  return (
    <div className="fax-actions">
      {fax.removedByRetentionAt && <p id={removedId} className="hint">{removedByRetentionWords(fax.removedByRetentionAt)}: print, save and forward are off.</p>}
      <div className="action-row" role="group" aria-label={`Actions for the fax from ${who}`}>
        <button type="button" className={fax.reviewed ? undefined : 'primary'} aria-keyshortcuts="R" onClick={() => void run('review', () => markReviewed(fax.id, !fax.reviewed))}>
          {fax.reviewed ? 'Mark not reviewed' : 'Mark reviewed'}
        </button>
        {canFile && <button type="button" onClick={() => setAsking('file')}>{fax.filedTo ? 'File again…' : 'File to patient…'}</button>}
        <button type="button" disabled={!ready || working !== null} {...needsDocument} aria-keyshortcuts="Control+P" onClick={() => void print()}>{working === 'print' ? 'Preparing to print…' : 'Print'}</button>
        <button type="button" disabled={!ready || working !== null} {...needsDocument} aria-keyshortcuts="Control+S" onClick={() => void save(false)}>{working === 'save' ? 'Saving…' : 'Save as PDF'}</button>
        {turned && <button type="button" disabled={!ready || working !== null} {...needsDocument} onClick={() => void save(true)}>Save with pages turned</button>}
        <button type="button" disabled={!ready || working !== null} {...needsDocument} onClick={() => void run('forward', () => forward(fax))}>Forward</button>
        <button type="button" disabled={working !== null} onClick={() => void run('archive', () => archiveFax(fax.id, !fax.archived))}>
          {fax.archived ? 'Move back to the inbox' : 'Archive'}
        </button>
        {canDelete && <button type="button" className="danger-outline" aria-keyshortcuts="Delete" onClick={() => setAsking('delete')}>Delete…</button>}
      </div>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <Dialog title="Delete this fax?" open={asking === 'delete'} onClose={closeQuestion} alert>
        <p>
          {account?.capabilities.includes('deleteFax')
            ? `The fax from ${who} is deleted at ${account.name} and removed from Faxdesk. This cannot be undone.`
            : `The fax’s document is deleted at ${account?.name ?? 'the fax service'}; its record (time, numbers, pages) stays there. It is removed from Faxdesk. This cannot be undone.`}
        </p>
        <div className="dialog-actions">
          <button type="button" data-autofocus onClick={closeQuestion}>Keep it</button>
          <button type="button" className="danger" onClick={() => { closeQuestion(); void run('delete', () => deleteFax(fax.id)); }}>Delete</button>
        </div>
      </Dialog>
      {asking === 'file' && <FilePatientDialog fax={fax} onClose={closeQuestion} />}
    </div>
  );
}
