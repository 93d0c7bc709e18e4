import { useEffect } from 'react';
import { useFaxdeskStore } from '../store/StoreProvider';

const SEARCH_FIELDS: Partial<Record<string, string>> = { inbox: 'inbox-search', outbox: 'jobs-search', sent: 'jobs-search' };

/**
 * Ctrl/Cmd+N new fax · Ctrl/Cmd+F search the Inbox, Outbox or Sent · Ctrl/Cmd+, settings · Ctrl/Cmd+Enter send · Ctrl/Cmd+Z undoes the last page
 * operation in compose (text fields keep their own undo) · Escape closes compose (the draft is kept) and goes back to the pane it came from.
 */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'file', 'range', 'color'].includes(target.type);
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

export function useGlobalKeys(): void {
  const store = useFaxdeskStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A modal dialog owns the keyboard; native <dialog> handles its own Escape.
      if (document.querySelector('dialog[open]')) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        s.openCompose();
      } else if (mod && !e.altKey && e.key.toLowerCase() === 'f' && SEARCH_FIELDS[s.pane]) {
        e.preventDefault();
        const field = document.getElementById(SEARCH_FIELDS[s.pane]!);
        if (field instanceof HTMLInputElement) { field.focus(); field.select(); }
      } else if (mod && e.key === ',') {
        e.preventDefault();
        s.showPane('settings');
      } else if (mod && e.key === 'Enter' && s.pane === 'compose') {
        e.preventDefault();
        void s.send();
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && s.pane === 'compose' && !isTextField(e.target)) {
        e.preventDefault();
        s.undo();
      } else if (e.key === 'Escape' && s.pane === 'compose' && !e.defaultPrevented) {
        e.preventDefault();
        s.closeCompose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
