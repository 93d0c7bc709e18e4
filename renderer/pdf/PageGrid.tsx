import { useId, useLayoutEffect, useRef, useState } from 'react';
import { PageThumb, type PageActions } from './PageThumb';
import type { PreviewPage } from './previewPages';
import type { FaxView } from './usePageCanvas';

const PAGE_TYPE = 'application/x-faxdesk-page';

interface Props {
  pages: readonly PreviewPage[];
  fax: FaxView | null;
  actions: PageActions;
  /** The page to give focus to when the grid appears (back from the large view). */
  focusIndex: number | null;
}

/** Pages per row, read from the layout: ↑/↓ move by a row. */
function columns(list: HTMLElement): number {
  const items = Array.from(list.children) as HTMLElement[];
  const top = items[0]?.offsetTop;
  const n = items.filter((el) => el.offsetTop === top).length;
  return Math.max(1, n);
}

/** Where a dragged page lands: its index after the move, from the slot it is dropped on. */
function landingIndex(from: number, slot: number): number {
  return from < slot ? slot - 1 : slot;
}

/**
 * The pages of the fax in send order. One page is reachable with Tab (its buttons follow it);
 * arrows move between pages; Alt+arrows move the page; R rotates; Delete removes; Enter opens.
 * Pages can be dragged to a new place.
 */
export function PageGrid({ pages, fax, actions, focusIndex }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const [currentId, setCurrentId] = useState<string | null>(pages[focusIndex ?? 0]?.id ?? null);
  const refocus = useRef<boolean>(focusIndex !== null);
  const [focusTick, setFocusTick] = useState(0);
  const [drag, setDrag] = useState<{ id: string; slot: number } | null>(null);

  const current = pages.find((p) => p.id === currentId) ?? pages[0] ?? null;

  // After a keyboard operation (or coming back from the large view) focus follows the page.
  useLayoutEffect(() => {
    if (!refocus.current || !current) return;
    refocus.current = false;
    const el = listRef.current?.querySelector<HTMLElement>(`li[data-page-id="${CSS.escape(current.id)}"] .thumb`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [current, pages, focusTick]);

  /** A thumbnail's button keeps focus when its page moves (React re-inserts the item, which drops focus). */
  const keepFocus = (run: () => void) => {
    const button = document.activeElement instanceof HTMLButtonElement ? document.activeElement : null;
    run();
    requestAnimationFrame(() => {
      if (button?.isConnected && !button.disabled) button.focus();
      else if (!listRef.current?.contains(document.activeElement)) {
        refocus.current = true;
        setFocusTick((t) => t + 1);
      }
    });
  };
  /** A removed page hands its place (and the focus) to the page that takes it. */
  const remove = (id: string) => {
    const at = pages.findIndex((p) => p.id === id);
    setCurrentId((pages[at + 1] ?? pages[at - 1])?.id ?? null);
    refocus.current = true;
    actions.remove(id);
  };
  const thumbActions: PageActions = {
    open: actions.open,
    rotate: (id) => keepFocus(() => actions.rotate(id)),
    remove,
    move: (id, to) => keepFocus(() => actions.move(id, to)),
  };

  const focusPage = (index: number) => {
    const target = pages[Math.max(0, Math.min(index, pages.length - 1))];
    if (!target) return;
    refocus.current = true;
    setCurrentId(target.id);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLOListElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('li[data-page-id]');
    const page = pages.find((p) => p.id === item?.dataset.pageId);
    if (!page || !listRef.current) return;
    const onThumb = (e.target as HTMLElement).classList.contains('thumb');
    const back = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
    const arrow = back || e.key === 'ArrowRight' || e.key === 'ArrowDown';
    const step = e.key === 'ArrowUp' || e.key === 'ArrowDown' ? columns(listRef.current) : 1;
    let handled = true;
    if (arrow && e.altKey) {
      const to = Math.max(0, Math.min(pages.length - 1, page.index + (back ? -1 : 1)));
      refocus.current = true;
      actions.move(page.id, to);
    } else if (arrow && onThumb && !e.ctrlKey && !e.metaKey) {
      focusPage(page.index + (back ? -step : step));
    } else if (onThumb && e.key === 'Home') focusPage(0);
    else if (onThumb && e.key === 'End') focusPage(pages.length - 1);
    else if (onThumb && (e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey && page.kind === 'page') {
      refocus.current = true;
      actions.rotate(page.id);
    } else if (onThumb && (e.key === 'Delete' || e.key === 'Backspace')) {
      remove(page.id);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const onDragOver = (e: React.DragEvent<HTMLOListElement>) => {
    if (!drag || !e.dataTransfer.types.includes(PAGE_TYPE)) return;
    const item = (e.target as HTMLElement).closest<HTMLElement>('li[data-page-id]');
    const over = pages.find((p) => p.id === item?.dataset.pageId);
    if (!item || !over) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = item.getBoundingClientRect();
    const slot = over.index + (e.clientX > box.left + box.width / 2 ? 1 : 0);
    if (slot !== drag.slot) setDrag({ ...drag, slot });
  };

  const onDrop = (e: React.DragEvent<HTMLOListElement>) => {
    if (!drag || !e.dataTransfer.types.includes(PAGE_TYPE)) return;
    e.preventDefault();
    const from = pages.findIndex((p) => p.id === drag.id);
    if (from >= 0 && drag.slot >= 0) actions.move(drag.id, landingIndex(from, drag.slot));
    setDrag(null);
  };

  return (
    <div ref={scrollRef} className="preview-scroll">
      <p id={hintId} className="sr-only">Arrow keys go from page to page; Alt+arrows move the page; R rotates it; Delete removes it; Enter opens it larger.</p>
      <ol
        ref={listRef}
        className="thumbs"
        aria-label="Pages to send"
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('li[data-page-id]')?.dataset.pageId;
          if (id && id !== currentId) setCurrentId(id);
        }}
        onDragStart={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('li[data-page-id]')?.dataset.pageId;
          if (!id) return;
          e.dataTransfer.setData(PAGE_TYPE, id);
          e.dataTransfer.effectAllowed = 'move';
          setDrag({ id, slot: -1 });
        }}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDragEnd={() => setDrag(null)}
      >
        {pages.map((p) => (
          <PageThumb
            key={p.id}
            page={p}
            count={pages.length}
            scrollRoot={scrollRef}
            fax={fax}
            current={p.id === current?.id}
            hintId={hintId}
            actions={thumbActions}
            dropSide={drag && drag.id !== p.id ? (drag.slot === p.index ? 'before' : drag.slot === p.index + 1 && p.index === pages.length - 1 ? 'after' : null) : null}
          />
        ))}
      </ol>
    </div>
  );
}
