import type { DocumentInfo, Rotation } from '../../common/domain/document';
import type { InboxFax } from '../../common/domain/inbox';
import type { Patient } from '../../common/domain/patient';
import type { Result } from '../../common/ipc/result';
import { faxFileName } from '../../common/domain/faxFileName';
import type { SliceCreator } from './types';

/** What went wrong, in words, or null. */
type Problem = string | null;
const words = (e: { message: string; nextStep?: string }) => [e.message, e.nextStep].filter(Boolean).join(' ');

/** A received fax's viewer and what a person does with the fax: turn, tag, file, save, print, split, delete. */
export interface FaxActionsSlice {
  /** The fax open in the full viewer (null: the list). */
  viewerFaxId: string | null;
  inboxTags: Array<{ tag: string; count: number }>;
  openViewer(id: string): void;
  closeViewer(): void;
  /** Turns one page (0-based) a quarter clockwise, or every page when `page` is null; kept with the fax. */
  turnFaxPages(fax: InboxFax, page: number | null, pageCount: number): Promise<Problem>;
  annotateFax(id: string, change: { notes?: string; tags?: string[] }): Promise<Problem>;
  loadInboxTags(): Promise<void>;
  deleteFax(id: string): Promise<Problem>;
  /** The Delete key in the list: the fax whose delete question is asked (by its actions), or null. */
  deleteRequest: string | null;
  requestDelete(id: string | null): void;
  /** Archive (or bring back): out of the inbox, kept in history and search. */
  archiveFax(id: string, archived: boolean): Promise<Problem>;
  faxDocumentTypes(accountId: string): Promise<Result<Array<{ id: string; name: string }>>>;
  suggestFaxPatient(id: string): Promise<Patient | null>;
  fileFaxToPatient(id: string, patient: Patient, documentTypeId: string): Promise<Problem>;
  /** The fax's document to save (default) or to print: the audit log records which. */
  exportFax(id: string, rotated: boolean, purpose?: 'save' | 'print'): Promise<Result<{ name: string; bytes: Uint8Array }>>;
  splitFax(id: string, pages: number[]): Promise<Result<DocumentInfo>>;
  /** Compose with the fax's pages as a document (a new fax, from any account). */
  forwardFax(fax: InboxFax): Promise<Problem>;
  /**
   * A fax dragged out of the window to the desktop or a folder, as a PDF file named like Save as
   * PDF: the shell's OS drag in Electron (answers true: the page's own drag is then cancelled),
   * else the browser's download drag.
   */
  dragFaxOut(fax: InboxFax, data: DataTransfer): boolean;
  /** Faxes picked together in the list (Ctrl/Shift+click, Shift+↑/↓), for printing in one go. */
  checkedFaxIds: readonly string[];
  checkFaxes(ids: readonly string[]): void;
  /** Prints the faxes as one job (pages turned as shown); answers what went wrong or was left out. */
  printFaxes(ids: readonly string[]): Promise<Problem>;
}

const turn = (r: Rotation | undefined): Rotation => (((r ?? 0) + 90) % 360) as Rotation;

export const createFaxActionsSlice: SliceCreator<FaxActionsSlice> = (api) => (set, get) => {
  const refreshOne = async (id: string) => {
    const r = await api.inbox.get({ id });
    if (r.ok) get().applyInboxFaxes([r.value]);
  };
  return {
    viewerFaxId: null,
    inboxTags: [],
    deleteRequest: null,
    requestDelete: (id) => set({ deleteRequest: id }),

    async archiveFax(id, archived) {
      const r = await api.inbox.archive({ ids: [id], value: archived });
      if (!r.ok) return words(r.error);
      get().applyInboxFaxes(r.value);
      get().announce(archived ? 'Archived: out of the inbox, still found by a search of archived faxes.' : 'Back in the inbox.');
      if (archived && get().viewerFaxId === id) set({ viewerFaxId: null });
      await get().refreshInbox();
      return null;
    },

    openViewer(id) {
      get().selectFax(id, 'open');
      set({ viewerFaxId: id });
    },
    closeViewer: () => set({ viewerFaxId: null }),

    async turnFaxPages(fax, page, pageCount) {
      const rotations: Record<string, Rotation> = { ...fax.rotations };
      const pages = page === null ? Array.from({ length: pageCount }, (_v, i) => i) : [page];
      for (const p of pages) {
        const next = turn(rotations[String(p)]);
        if (next === 0) delete rotations[String(p)];
        else rotations[String(p)] = next;
      }
      // Shown at once; the core's answer (or its refusal) follows.
      get().applyInboxFaxes([{ ...fax, rotations }]);
      const r = await api.inbox.setRotation({ id: fax.id, rotations });
      if (r.ok) {
        get().applyInboxFaxes([r.value]);
        return null;
      }
      get().applyInboxFaxes([fax]);
      return words(r.error);
    },

    async annotateFax(id, change) {
      const r = await api.inbox.annotate({ id, ...change });
      if (!r.ok) return words(r.error);
      get().applyInboxFaxes([r.value]);
      if (change.tags) void get().loadInboxTags();
      return null;
    },

    async loadInboxTags() {
      const r = await api.inbox.tags({});
      if (r.ok) set({ inboxTags: r.value });
    },

    async deleteFax(id) {
      const r = await api.inbox.delete({ id });
      if (!r.ok) return words(r.error);
      if (get().viewerFaxId === id) set({ viewerFaxId: null });
      if (get().selectedFaxId === id) get().selectFax(null);
      get().announce('The fax was deleted.');
      await get().refreshInbox();
      return null;
    },

    faxDocumentTypes: (accountId) => api.inbox.documentTypes({ accountId }),

    async suggestFaxPatient(id) {
      const r = await api.inbox.suggestPatient({ id });
      return r.ok ? r.value : null;
    },

    async fileFaxToPatient(id, patient, documentTypeId) {
      const r = await api.inbox.fileToPatient({ id, patient, documentTypeId });
      if (!r.ok) return words(r.error);
      get().applyInboxFaxes([r.value]);
      get().announce(`Filed to ${r.value.filedTo ?? patient.name}.`);
      return null;
    },

    exportFax: (id, rotated, purpose = 'save') => api.inbox.export({ id, rotated, purpose }),

    async splitFax(id, pages) {
      const r = await api.inbox.split({ id, pages });
      if (r.ok) void refreshOne(id);
      return r;
    },

    dragFaxOut(fax, data) {
      if (api.files.dragOut(fax.id)) return true;
      const url = new URL(get().faxDocumentUrl(fax.id), window.location.href).href;
      const name = faxFileName({ createdAt: fax.createdAt, from: fax.from, pages: fax.document.pages ?? fax.pages });
      data.effectAllowed = 'copy';
      data.setData('DownloadURL', `application/pdf:${name}:${url}`);
      data.setData('text/uri-list', url);
      return false;
    },

    checkedFaxIds: [],
    checkFaxes: (ids) => set({ checkedFaxIds: [...new Set(ids)] }),

    async printFaxes(ids) {
      const r = await api.inbox.exportMany({ ids: [...ids] });
      if (!r.ok) return words(r.error);
      const problem = await get().printDocument(r.value.bytes);
      if (problem) return problem;
      const { left } = r.value;
      return left.length === 0 ? null : `${left.length} of ${ids.length} faxes were not printed: ${left[0]!.reason}`;
    },

    async forwardFax(fax) {
      const pages = fax.document.pages ?? fax.pages ?? 0;
      if (pages === 0) return 'The fax’s pages are not known yet: wait until its document has downloaded.';
      const r = await api.inbox.split({ id: fax.id, pages: Array.from({ length: pages }, (_v, i) => i), purpose: 'forward' });
      if (!r.ok) return words(r.error);
      get().startFromDocuments([r.value]);
      set({ draftId: null, draftSave: 'idle', recipients: [], numberText: '', patient: null, sendAt: '', pane: 'compose' });
      // A forwarded fax goes with a cover page that says what it is (the person's template, their fields kept).
      get().setCoverMode('faxdesk');
      get().setCoverField('subject', `Forwarded fax: ${pages} ${pages === 1 ? 'page' : 'pages'} received ${new Date(fax.completedAt ?? fax.createdAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' })}`);
      void refreshOne(fax.id);
      return null;
    },
  };
};
