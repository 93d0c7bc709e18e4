import type { DocumentInfo } from '../../common/domain/document';
import { dropLocalFile, holdLocalFile, showsFirstPage, untilFirstPageShown } from '../pdf/localFiles';
import { nameInMessage, refuseFile } from './fileRules';
import {
  insertDocPages, moveDocPages, movePageTo, pagesOf, removePage, rotatePage, type ComposePage,
} from './pageList';
import type { SliceCreator } from './types';

/** A tile of the strip: one file the person added, while the core reads it and once it is ready. */
export type ComposeDoc =
  /** `firstPage`: the preview shows its first page from the file itself until the core has it (renderer/pdf/localFiles.ts). */
  | { key: string; status: 'reading'; name: string; sizeBytes: number; firstPage?: boolean }
  | { key: string; status: 'ready'; name: string; sizeBytes: number; info: DocumentInfo };

export interface FileRefusal { key: string; message: string }

/** A file added again (the same bytes as another tile): the person chooses to keep both or drop the copy. */
export interface DuplicateFile { key: string; name: string; sameAs: string }

/** What an undo step restores: the tiles and the page list as they were, and what was done since. */
export interface ComposeSnapshot { docs: ComposeDoc[]; pages: ComposePage[]; what: string }

export interface DocumentsSlice {
  docs: ComposeDoc[];
  /** What is sent, in order, after the person's page operations. */
  pages: ComposePage[];
  /** Oldest first; `undo` restores the last one. Files arriving are applied to every entry, never undone. */
  history: ComposeSnapshot[];
  fileRefusals: FileRefusal[];
  duplicateFiles: DuplicateFile[];
  /** Keeps both copies (`remove` false) or removes the later one. */
  settleDuplicate(key: string, remove: boolean): void;
  addFiles(files: readonly File[]): Promise<void>;
  removeDoc(key: string): void;
  moveDoc(key: string, delta: -1 | 1): void;
  rotatePage(id: string, quarterTurns?: 1 | -1): void;
  /** Removing a document's last page removes its tile too (one undo step brings both back). */
  removePage(id: string): void;
  /** `to`: the page's index in the list after the move. */
  movePage(id: string, to: number): void;
  undo(): void;
  dismissRefusal(key: string): void;
  dismissRefusals(): void;
  /** Where the preview reads a document's content (what is sent). */
  documentUrl(documentId: string): string;
  /** Empties the draft's documents; the core forgets those that `keepIds` (what was sent) does not name. */
  clearDocuments(keepIds?: ReadonlySet<string>): void;
  /** Adds documents the core already read (files from the desktop or the hot folder) after those in the strip. */
  addDocumentInfos(infos: readonly DocumentInfo[]): void;
  /** Shows refusals the core made (files from the desktop), with those of dropped files. */
  addRefusals(messages: readonly string[]): void;
  /** Starts the draft over with documents the core already holds (Resend and Forward use a sent fax's). */
  startFromDocuments(infos: readonly DocumentInfo[]): void;
}

const HISTORY_LIMIT = 100;
/** A larger PDF is not read into the page just to show its first page early: it waits for the core. */
const FIRST_PAGE_MAX_BYTES = 16 * 1024 * 1024;
/** How long the core's reading of such a PDF waits for its first page to be drawn (localFiles.ts). */
const FIRST_PAGE_WAIT_MS = 1000;
let keySeq = 0;
const nextKey = () => `doc-${++keySeq}`;

type Draft = Pick<DocumentsSlice, 'docs' | 'pages'>;

/** "page 3": a page as the person sees it, by its place in the fax. */
function pageName(pages: readonly ComposePage[], id: string): string {
  return `page ${pages.findIndex((p) => p.id === id) + 1}`;
}

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (api) => (set, get) => {
  /** Core ids of ready documents this draft knows; released once no state (current or undoable) uses them. */
  const known = new Map<string, string>();

  const releaseUnused = (keep: ReadonlySet<string> = new Set()) => {
    const s = get();
    const used = new Set([...s.docs, ...s.history.flatMap((h) => h.docs)].map((d) => d.key));
    for (const [key, id] of known) {
      if (used.has(key)) continue;
      known.delete(key);
      if (!keep.has(id)) void api.documents.remove({ id });
    }
  };

  /** A change the person can undo: the state before it is kept. */
  const change = (what: string, next: (d: Draft) => Draft | null) => {
    const s = get();
    const result = next({ docs: s.docs, pages: s.pages });
    if (!result) return;
    const history = [...s.history, { docs: s.docs, pages: s.pages, what }].slice(-HISTORY_LIMIT);
    set({ ...result, history });
    releaseUnused();
  };

  /** A file arriving or going away while loading: applied to the present and every undo step alike. */
  const everywhere = (next: (d: Draft) => Draft) => {
    set((s) => ({ ...next(s), history: s.history.map((h) => ({ ...next(h), what: h.what })) }));
  };

  const refuse = (message: string) => set((s) => ({ fileRefusals: [...s.fileRefusals, { key: nextKey(), message }] }));

  /** A tile for the file, in the order chosen, at once; undefined when the page refuses it outright. */
  const placeTile = (file: File): string | undefined => {
    const refusal = refuseFile(file);
    if (refusal) {
      refuse(refusal);
      return undefined;
    }
    const key = nextKey();
    const firstPage = showsFirstPage(file) && file.size <= FIRST_PAGE_MAX_BYTES;
    if (firstPage) holdLocalFile(key, file);
    everywhere((d) => ({ docs: [...d.docs, { key, status: 'reading', name: file.name, sizeBytes: file.size, ...(firstPage ? { firstPage } : {}) }], pages: d.pages }));
    return key;
  };

  /** `showFirst`: hand the file over once its first page is drawn (the first file of those added at once). */
  const readOne = async (file: File, key: string, showFirst: boolean) => {
    try {
      if (showFirst) await untilFirstPageShown(key, FIRST_PAGE_WAIT_MS);
      // Removed while its first page was being drawn: never handed to the core.
      if (get().docs.some((d) => d.key === key)) await readInCore(file, key);
    } finally {
      dropLocalFile(key);
    }
  };

  const readInCore = async (file: File, key: string) => {
    let message: string;
    try {
      const r = await api.files.add(file);
      if (r.ok) {
        const info = r.value;
        // The tile may have been removed while the file was uploading: then drop the document again.
        if (!get().docs.some((d) => d.key === key)) {
          void api.documents.remove({ id: info.id });
          return;
        }
        known.set(key, info.id);
        const twin = get().docs.find((d) => d.status === 'ready' && d.info.sha256 === info.sha256);
        if (twin) set((s) => ({ duplicateFiles: [...s.duplicateFiles, { key, name: file.name, sameAs: twin.name }] }));
        const ready: ComposeDoc = { key, status: 'ready', name: file.name, sizeBytes: info.sizeBytes, info };
        everywhere((d) => {
          if (!d.docs.some((x) => x.key === key)) return d;
          const docs = d.docs.map((x) => (x.key === key ? ready : x));
          return { docs, pages: insertDocPages(d.pages, docs.map((x) => x.key), { key, info }) };
        });
        return;
      }
      message = `${nameInMessage(file.name, r.error.message)} ${r.error.nextStep}`.trim();
    } catch {
      message = `${file.name} could not be read. Check that the file is still there and try again.`;
    }
    everywhere((d) => ({ docs: d.docs.filter((x) => x.key !== key), pages: d.pages }));
    refuse(message);
  };

  return {
    docs: [],
    pages: [],
    history: [],
    fileRefusals: [],
    duplicateFiles: [],

    settleDuplicate(key, remove) {
      set((s) => ({ duplicateFiles: s.duplicateFiles.filter((d) => d.key !== key) }));
      if (remove) get().removeDoc(key);
    },

    async addFiles(files) {
      set({ pane: 'compose' });
      // Every tile shows at once, in the order chosen; the core prepares them one after another
      // (its worker pool is small), and each file's pages go where its tile stands.
      const placed = files.map((file) => ({ file, key: placeTile(file) }));
      // The first one's first page is drawn before the core starts on it: on a two-core computer the
      // core's checking would otherwise delay the page the person is looking at (bench/documents).
      let first = true;
      for (const { file, key } of placed) {
        if (!key) continue;
        await readOne(file, key, first);
        first = false;
      }
    },

    removeDoc(key) {
      const doc = get().docs.find((d) => d.key === key);
      if (!doc) return;
      const drop = (d: Draft): Draft => ({ docs: d.docs.filter((x) => x.key !== key), pages: d.pages.filter((p) => p.docKey !== key) });
      // A file still loading cannot come back: its upload is dropped when it answers.
      if (doc.status === 'reading') {
        dropLocalFile(key);
        everywhere(drop);
      }
      else change(`remove ${doc.name}`, drop);
    },

    moveDoc(key, delta) {
      const doc = get().docs.find((d) => d.key === key);
      change(`move ${doc?.name ?? 'the file'} ${delta < 0 ? 'earlier' : 'later'}`, ({ docs, pages }) => {
        const i = docs.findIndex((d) => d.key === key);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= docs.length) return null;
        const next = [...docs];
        [next[i], next[j]] = [next[j]!, next[i]!];
        return { docs: next, pages: moveDocPages(pages, key, docs[j]!.key, delta) };
      });
    },

    rotatePage(id, quarterTurns = 1) {
      const { pages } = get();
      const page = pages.find((p) => p.id === id);
      if (page?.kind !== 'page') return;
      change(`rotate ${pageName(pages, id)}`, (d) => ({ docs: d.docs, pages: rotatePage(d.pages, id, quarterTurns) }));
    },

    removePage(id) {
      const { pages } = get();
      const page = pages.find((p) => p.id === id);
      if (!page) return;
      change(`remove ${pageName(pages, id)}`, (d) => {
        const rest = removePage(d.pages, id);
        const docLeft = rest.some((p) => p.docKey === page.docKey);
        return { docs: docLeft ? d.docs : d.docs.filter((x) => x.key !== page.docKey), pages: rest };
      });
    },

    movePage(id, to) {
      const { pages } = get();
      const from = pages.findIndex((p) => p.id === id);
      const target = Math.max(0, Math.min(to, pages.length - 1));
      if (from < 0 || from === target) return;
      change(`move ${pageName(pages, id)} to ${target + 1}`, (d) => ({ docs: d.docs, pages: movePageTo(d.pages, id, target) }));
    },

    undo() {
      const { history } = get();
      const last = history.at(-1);
      if (!last) return;
      set({ docs: last.docs, pages: last.pages, history: history.slice(0, -1) });
      releaseUnused();
    },

    documentUrl: (documentId) => api.files.url(documentId),

    dismissRefusal: (key) => set((s) => ({ fileRefusals: s.fileRefusals.filter((f) => f.key !== key) })),
    dismissRefusals: () => set({ fileRefusals: [] }),

    clearDocuments(keepIds) {
      set({ docs: [], pages: [], history: [], fileRefusals: [], duplicateFiles: [] });
      releaseUnused(keepIds);
    },

    addDocumentInfos(infos) {
      for (const info of infos) {
        const key = nextKey();
        known.set(key, info.id);
        const twin = get().docs.find((d) => d.status === 'ready' && d.info.sha256 === info.sha256);
        if (twin) set((s) => ({ duplicateFiles: [...s.duplicateFiles, { key, name: info.name, sameAs: twin.name }] }));
        const ready: ComposeDoc = { key, status: 'ready', name: info.name, sizeBytes: info.sizeBytes, info };
        // Like a dropped file arriving: part of every undo step, never undone itself.
        everywhere((d) => {
          const docs = [...d.docs, ready];
          return { docs, pages: insertDocPages(d.pages, docs.map((x) => x.key), { key, info }) };
        });
      }
    },

    addRefusals(messages) {
      for (const message of messages) refuse(message);
    },

    startFromDocuments(infos) {
      get().clearDocuments();
      const docs: ComposeDoc[] = infos.map((info) => ({ key: nextKey(), status: 'ready', name: info.name, sizeBytes: info.sizeBytes, info }));
      // Known, so a tile removed later is released; the core keeps what a sent fax still uses.
      for (const doc of docs) if (doc.status === 'ready') known.set(doc.key, doc.info.id);
      const pages = docs.flatMap((doc) => (doc.status === 'ready' ? pagesOf({ key: doc.key, info: doc.info }) : []));
      set({ docs, pages });
    },
  };
};
