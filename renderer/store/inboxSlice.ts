import type { InboxCounts, InboxFax, InboxFaxArrived, InboxSyncState } from '../../common/domain/inbox';
import {
  EMPTY_INBOX_FILTER, inboxRangeProblem, sameView, toInboxQuery, type InboxFilter, type InboxView,
} from '../features/inbox/inboxQuery';
import type { LoadStatus } from './accountsSlice';
import type { SliceCreator } from './types';

/** Rows asked of the core at a time. */
export const INBOX_PAGE = 100;
/** Pages kept either side of what is on screen; the rest are forgotten (100,000 faxes never sit in memory). */
export const KEEP_PAGES = 2;
/** A fax the person moves onto with ↑/↓ counts as read after this long on screen (a click or Enter at once). */
export const READ_AFTER_MS = 1_000;
/** Events come in bursts (a poll, a download per fax): the view is asked again once they settle. */
const REFRESH_AFTER_MS = 150;

export interface InboxSlice {
  inboxView: InboxView;
  inboxFilter: InboxFilter;
  /** Loaded rows by page number (page n holds rows n·INBOX_PAGE …); only pages near the screen are kept. */
  inboxPages: Record<number, InboxFax[]>;
  /** Faxes the view holds (the header's "1,234 faxes"); null until the core answered. */
  inboxTotal: number | null;
  inboxStatus: LoadStatus;
  inboxError: string | null;
  /** Bumped whenever the question changes (view, filter, order): the list goes back to the top. */
  inboxQuerySeq: number;
  inboxCounts: InboxCounts | null;
  /** How each account's sync stands, by account id. */
  inboxSync: Record<string, InboxSyncState>;
  selectedFaxId: string | null;
  /** The selected fax as the core last described it (it may lie outside the loaded pages). */
  selectedFax: InboxFax | null;
  /** Where the selection is in the list (for ↑/↓), null when it is not in the view. */
  inboxCursor: number | null;
  showInbox(view: InboxView): void;
  setInboxFilter(patch: Partial<InboxFilter>): void;
  /** The list shows rows first…last: fetch the pages they need, forget pages far from them. */
  needInboxRows(first: number, last: number): void;
  /** Asks the core again for every loaded page and the counts (after `inbox.changed`). */
  refreshInbox(): Promise<void>;
  loadInboxCounts(): Promise<void>;
  loadInboxSync(): Promise<void>;
  applyInboxSync(state: InboxSyncState): void;
  /** `open`: a click or Enter (read at once); `browse`: ↑/↓ (read after READ_AFTER_MS on screen). */
  selectFax(id: string | null, how?: 'open' | 'browse'): void;
  /** ↑/↓/Home/End: the selection moves to row `index`, as soon as that row is loaded. */
  moveInboxCursor(index: number): void;
  /** A "New fax" notification was clicked: the Inbox, with that fax open. */
  openFax(id: string): void;
  /** Each answers what went wrong in words, or null. */
  markFaxRead(id: string, read: boolean): Promise<string | null>;
  markFaxReviewed(id: string, reviewed: boolean): Promise<string | null>;
  retryFaxDocument(id: string): Promise<string | null>;
  receiveTestFax(accountId: string): Promise<string | null>;
  syncInboxNow(accountId?: string): Promise<string | null>;
  /** Said in the polite live region ("New fax — 3 pages, from …1234"). */
  faxArrived(arrival: InboxFaxArrived): void;
  /** Where the fax's downloaded document is served. */
  faxDocumentUrl(id: string): string;
  /** Puts the core's newer description of faxes into the loaded rows and the selection. */
  applyInboxFaxes(faxes: readonly InboxFax[]): void;
}

const words = (e: { message: string; nextStep?: string }) => [e.message, e.nextStep].filter(Boolean).join(' ');

/** The loaded row at `index`, if its page is here. */
export function inboxRowAt(pages: Record<number, InboxFax[]>, index: number): InboxFax | undefined {
  return pages[Math.floor(index / INBOX_PAGE)]?.[index % INBOX_PAGE];
}

function indexOfFax(pages: Record<number, InboxFax[]>, id: string | null): number | null {
  if (!id) return null;
  for (const [page, rows] of Object.entries(pages)) {
    const i = rows.findIndex((f) => f.id === id);
    if (i >= 0) return Number(page) * INBOX_PAGE + i;
  }
  return null;
}

export const createInboxSlice: SliceCreator<InboxSlice> = (api) => (set, get) => {
  /** Pages asked for and not answered yet, for the current question. */
  const inFlight = new Set<number>();
  /** The cursor moved (keyboard) to a row not loaded yet: select it when it comes. */
  let cursorPending = false;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let visible: [number, number] = [0, 0];

  /** Puts a fax the core answered in every place it is shown. */
  const applyFaxes = (faxes: readonly InboxFax[]) => {
    if (faxes.length === 0) return;
    const byId = new Map(faxes.map((f) => [f.id, f]));
    set((s) => {
      const pages: Record<number, InboxFax[]> = {};
      for (const [page, rows] of Object.entries(s.inboxPages)) pages[Number(page)] = rows.map((f) => byId.get(f.id) ?? f);
      const selected = s.selectedFax ? byId.get(s.selectedFax.id) ?? s.selectedFax : null;
      return { inboxPages: pages, selectedFax: selected };
    });
  };

  /** After pages changed: the cursor follows the selected fax, or selects the row it was waiting for. */
  const settleCursor = () => {
    const s = get();
    if (cursorPending && s.inboxCursor !== null) {
      const row = inboxRowAt(s.inboxPages, s.inboxCursor);
      if (row) {
        cursorPending = false;
        if (row.id !== s.selectedFaxId) s.selectFax(row.id, 'browse');
      }
      return;
    }
    const at = indexOfFax(s.inboxPages, s.selectedFaxId);
    if (at !== null && at !== s.inboxCursor) set({ inboxCursor: at });
  };

  const fetchPage = async (page: number, seq: number) => {
    const s = get();
    if (inboxRangeProblem(s.inboxFilter)) {
      set({ inboxTotal: 0, inboxPages: {}, inboxStatus: 'ready', inboxError: null });
      return;
    }
    inFlight.add(page);
    const r = await api.inbox.list(toInboxQuery(s.inboxView, s.inboxFilter, page * INBOX_PAGE, INBOX_PAGE));
    if (seq !== get().inboxQuerySeq) return;
    inFlight.delete(page);
    if (!r.ok) {
      set({ inboxStatus: 'error', inboxError: words(r.error) });
      return;
    }
    const { total, rows } = r.value;
    set((st) => {
      const pages: Record<number, InboxFax[]> = {};
      // Pages past the end of a view that shrank are gone.
      for (const [p, list] of Object.entries(st.inboxPages)) if (Number(p) * INBOX_PAGE < total) pages[Number(p)] = list;
      if (rows.length > 0) pages[page] = rows;
      else delete pages[page];
      const cursor = st.inboxCursor !== null && st.inboxCursor >= total ? (total > 0 ? total - 1 : null) : st.inboxCursor;
      return { inboxPages: pages, inboxTotal: total, inboxStatus: 'ready', inboxError: null, inboxCursor: cursor };
    });
    settleCursor();
  };

  /** A new question: forget the rows, ask for the first page. */
  const restart = () => {
    inFlight.clear();
    cursorPending = false;
    const seq = get().inboxQuerySeq + 1;
    set({ inboxQuerySeq: seq, inboxPages: {}, inboxCursor: null, inboxStatus: get().inboxTotal === null ? 'loading' : get().inboxStatus });
    visible = [0, 0];
    void fetchPage(0, seq);
  };

  const mark = async (channel: 'markRead' | 'markReviewed', id: string, value: boolean) => {
    const r = await api.inbox[channel]({ ids: [id], value });
    if (!r.ok) return words(r.error);
    applyFaxes(r.value);
    return null;
  };

  return {
    inboxView: { kind: 'all' },
    inboxFilter: EMPTY_INBOX_FILTER,
    inboxPages: {},
    inboxTotal: null,
    inboxStatus: 'loading',
    inboxError: null,
    inboxQuerySeq: 0,
    inboxCounts: null,
    inboxSync: {},
    selectedFaxId: null,
    selectedFax: null,
    inboxCursor: null,

    showInbox(view) {
      const changed = !sameView(view, get().inboxView);
      set({ pane: 'inbox', inboxView: view });
      // Another inbox: the fax open in the old one is closed (it may not be in this one).
      if (changed) get().selectFax(null);
      if (changed || get().inboxTotal === null) restart();
    },

    setInboxFilter(patch) {
      set((s) => ({ inboxFilter: { ...s.inboxFilter, ...patch } }));
      restart();
    },

    needInboxRows(first, last) {
      visible = [first, last];
      const { inboxPages, inboxTotal, inboxQuerySeq } = get();
      if (inboxTotal === null || inboxTotal === 0) return;
      const from = Math.floor(Math.max(0, first) / INBOX_PAGE);
      const to = Math.floor(Math.min(inboxTotal - 1, Math.max(first, last)) / INBOX_PAGE);
      for (let p = from; p <= to; p++) if (!inboxPages[p] && !inFlight.has(p)) void fetchPage(p, inboxQuerySeq);
      const far = Object.keys(inboxPages).map(Number).filter((p) => p < from - KEEP_PAGES || p > to + KEEP_PAGES);
      if (far.length > 0) {
        set((s) => {
          const pages = { ...s.inboxPages };
          for (const p of far) delete pages[p];
          return { inboxPages: pages };
        });
      }
    },

    async refreshInbox() {
      const seq = get().inboxQuerySeq;
      const loaded = Object.keys(get().inboxPages).map(Number);
      const pages = loaded.length > 0 ? loaded : [Math.floor(visible[0] / INBOX_PAGE)];
      const selected = get().selectedFaxId;
      await Promise.all([
        ...pages.map((p) => fetchPage(p, seq)),
        get().loadInboxCounts(),
        // The detail follows its fax even when that fax is outside the loaded pages.
        selected ? api.inbox.get({ id: selected }).then((r) => { if (r.ok && get().selectedFaxId === r.value.id) set({ selectedFax: r.value }); }) : undefined,
      ]);
    },

    async loadInboxCounts() {
      const r = await api.inbox.counts();
      if (r.ok) set({ inboxCounts: r.value });
    },

    async loadInboxSync() {
      const r = await api.inbox.syncState();
      if (r.ok) set({ inboxSync: Object.fromEntries(r.value.map((state) => [state.accountId, state])) });
    },

    applyInboxSync: (state) => set((s) => ({ inboxSync: { ...s.inboxSync, [state.accountId]: state } })),

    selectFax(id, how = 'open') {
      clearTimeout(readTimer);
      if (id === null) {
        set({ selectedFaxId: null, selectedFax: null, inboxCursor: null });
        return;
      }
      const s = get();
      const at = indexOfFax(s.inboxPages, id);
      const row = at === null ? undefined : inboxRowAt(s.inboxPages, at);
      set({ selectedFaxId: id, selectedFax: row ?? (s.selectedFax?.id === id ? s.selectedFax : null), inboxCursor: at });
      const markRead = () => {
        const fax = get().selectedFax;
        // An office may keep "unread" for a colleague: then only Mark read/unread changes it.
        if (get().appSettings?.markReadOnOpen === false) return;
        if (get().selectedFaxId === id && fax && !fax.read) void get().markFaxRead(id, true);
      };
      // A person opened it: the one call the audit log records as a view.
      void api.inbox.get({ id, view: true }).then((r) => {
        if (!r.ok || get().selectedFaxId !== id) return;
        set({ selectedFax: r.value });
        if (how === 'open') markRead();
      });
      if (how === 'browse') readTimer = setTimeout(markRead, READ_AFTER_MS);
    },

    moveInboxCursor(index) {
      const total = get().inboxTotal ?? 0;
      if (total === 0) return;
      const to = Math.max(0, Math.min(total - 1, index));
      const row = inboxRowAt(get().inboxPages, to);
      set({ inboxCursor: to });
      if (row) {
        cursorPending = false;
        get().selectFax(row.id, 'browse');
      } else {
        cursorPending = true;
        get().needInboxRows(to, to);
      }
    },

    openFax(id) {
      set({ pane: 'inbox', inboxView: { kind: 'all' }, inboxFilter: { ...EMPTY_INBOX_FILTER, sort: get().inboxFilter.sort } });
      restart();
      get().selectFax(id, 'open');
    },

    markFaxRead: (id, read) => mark('markRead', id, read),
    markFaxReviewed: (id, reviewed) => mark('markReviewed', id, reviewed),
    applyInboxFaxes: (faxes) => applyFaxes(faxes),

    async retryFaxDocument(id) {
      const r = await api.inbox.retryDocument({ id });
      if (!r.ok) return words(r.error);
      applyFaxes([r.value]);
      return null;
    },

    async receiveTestFax(accountId) {
      const r = await api.inbox.receiveTestFax({ accountId });
      // Nothing is said here: its "New fax" announcement (inbox.faxArrived) may already have come.
      return r.ok ? null : words(r.error);
    },

    async syncInboxNow(accountId) {
      const r = await api.inbox.syncNow(accountId ? { accountId } : {});
      return r.ok ? null : words(r.error);
    },

    faxArrived(arrival) {
      const pages = arrival.pages === undefined ? '' : ` — ${arrival.pages} ${arrival.pages === 1 ? 'page' : 'pages'}`;
      const from = arrival.fromLast4 ? `, from …${arrival.fromLast4}` : '';
      get().announce(`New fax${pages}${from}${arrival.demo ? ' (Demo)' : ''}`);
    },

    faxDocumentUrl: (id) => api.files.url(id),
  };
};

/**
 * `refreshInbox` once a burst of `inbox.changed` settles: the first event of a burst starts the
 * wait and later ones join it (a steady stream still refreshes every REFRESH_AFTER_MS).
 */
export function inboxRefresher(refresh: () => Promise<void>, waitMs = REFRESH_AFTER_MS): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      timer ??= setTimeout(() => {
        timer = undefined;
        void refresh();
      }, waitMs);
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
