import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useFaxdesk, useFaxdeskStore } from '../../store/StoreProvider';
import { inboxRowAt } from '../../store/inboxSlice';
import { InboxRow, PlaceholderRow, ROW_HEIGHT, rowId } from './InboxRow';

/** Rows drawn beyond the visible ones, either side (so scrolling a little never shows blanks). */
const OVERSCAN = 12;
const estimateSize = () => ROW_HEIGHT;

/**
 * The inbox as one virtualised listbox: only the rows on screen (and a few either side) exist in
 * the page, whatever the view holds; their pages are asked of the core as the person scrolls.
 * Focus stays on the listbox; ↑/↓, PageUp/PageDown, Home/End move the selection (the detail shows
 * it; it counts as read after a moment), Enter opens it, R marks it reviewed (again: not reviewed).
 */
export function InboxList({ label }: { label: string }) {
  const total = useFaxdesk((s) => s.inboxTotal ?? 0);
  const pages = useFaxdesk((s) => s.inboxPages);
  const selectedId = useFaxdesk((s) => s.selectedFaxId);
  const checked = useFaxdesk((s) => s.checkedFaxIds);
  const cursor = useFaxdesk((s) => s.inboxCursor);
  const querySeq = useFaxdesk((s) => s.inboxQuerySeq);
  const store = useFaxdeskStore();
  const scroller = useRef<HTMLDivElement>(null);
  // Keys are positions (the default): a key function would make the virtualizer measure every one of
  // the view's rows again on each render, and rows are cheap to refill.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) store.getState().needInboxRows(first, last);
  }, [store, first, last, total, querySeq]);

  // A new question (view, filter, order) starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [querySeq, virtualizer]);
  // Picked faxes belong to the view they were picked in.
  useEffect(() => () => store.getState().checkFaxes([]), [store, querySeq]);

  // The selection stays in view when the keyboard moves it or the list changes under it.
  useEffect(() => {
    if (cursor !== null && cursor < total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, total, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const s = store.getState();
    const at = s.inboxCursor ?? -1;
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: at + 1, ArrowUp: Math.max(0, at - 1), PageDown: at + pageRows, PageUp: Math.max(0, at - pageRows), Home: 0, End: total - 1,
    };
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && at >= 0) {
      // Shift+↑/↓ picks the next fax too (to print several in one go).
      e.preventDefault();
      const next = inboxRowAt(s.inboxPages, moves[e.key]!);
      const base = s.checkedFaxIds.length > 0 ? s.checkedFaxIds : s.selectedFaxId ? [s.selectedFaxId] : [];
      if (next) s.checkFaxes([...base, next.id]);
      s.moveInboxCursor(moves[e.key]!);
    } else if (e.key in moves) {
      e.preventDefault();
      if (s.checkedFaxIds.length > 0) s.checkFaxes([]);
      s.moveInboxCursor(moves[e.key]!);
    } else if (e.key === 'Enter' && s.selectedFaxId) {
      e.preventDefault();
      // A fax whose pages are here opens in the viewer; otherwise its details say why not.
      if (s.selectedFax?.id === s.selectedFaxId && s.selectedFax.document.state === 'ready') return s.openViewer(s.selectedFaxId);
      s.selectFax(s.selectedFaxId, 'open');
      requestAnimationFrame(() => document.getElementById('inbox-detail-title')?.focus());
    } else if (e.key === 'Delete' && s.selectedFax) {
      // Asks first, in the fax's own delete question (the detail's actions).
      e.preventDefault();
      s.requestDelete(s.selectedFax.id);
    } else if (e.key.toLowerCase() === 'r' && !e.shiftKey && s.selectedFax) {
      e.preventDefault();
      void s.markFaxReviewed(s.selectedFax.id, !s.selectedFax.reviewed);
    }
  };

  // Ctrl/Cmd+click adds or removes a fax from the picked ones, Shift+click picks the run of loaded rows.
  const pick = (id: string, index: number, e: MouseEvent) => {
    const s = store.getState();
    scroller.current?.focus({ preventScroll: true });
    if (e.ctrlKey || e.metaKey) {
      const base = s.checkedFaxIds.length > 0 ? s.checkedFaxIds : s.selectedFaxId ? [s.selectedFaxId] : [];
      s.checkFaxes(base.includes(id) ? base.filter((x) => x !== id) : [...base, id]);
      return;
    }
    if (e.shiftKey && s.inboxCursor !== null) {
      const [from, to] = [Math.min(s.inboxCursor, index), Math.max(s.inboxCursor, index)];
      const ids = Array.from({ length: to - from + 1 }, (_v, i) => inboxRowAt(s.inboxPages, from + i)?.id).filter((x): x is string => Boolean(x));
      s.checkFaxes(ids);
      return;
    }
    if (s.checkedFaxIds.length > 0) s.checkFaxes([]);
    s.selectFax(id, 'open');
  };

  const active = selectedId && cursor !== null && inboxRowAt(pages, cursor)?.id === selectedId ? rowId(selectedId) : undefined;
  return (
    <div
      ref={scroller}
      className="inbox-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      aria-activedescendant={active}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Arriving by keyboard with nothing selected: the first fax is selected, where ↓ goes on from.
        if (e.target === e.currentTarget && e.currentTarget.matches(':focus-visible') && store.getState().inboxCursor === null && total > 0) {
          store.getState().moveInboxCursor(0);
        }
      }}
    >
      <div className="inbox-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const fax = inboxRowAt(pages, item.index);
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
          if (!fax) return <PlaceholderRow key={item.key} style={style} />;
          return (
            <InboxRow
              key={item.key}
              fax={fax}
              index={item.index}
              total={total}
              selected={fax.id === selectedId || checked.includes(fax.id)}
              style={style}
              onPick={(e) => pick(fax.id, item.index, e)}
            />
          );
        })}
      </div>
    </div>
  );
}
