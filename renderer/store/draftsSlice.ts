import type { DraftContentInput, DraftPart, DraftSummary, Patient } from '../../common/domain/draft';
import { pagesOf, type ComposePage } from './pageList';
import { pickAccount } from './sendPlan';
import type { Result } from '../../common/ipc/result';
import type { ComposeDoc } from './documentsSlice';
import type { FaxdeskState, SliceCreator } from './types';

export interface DraftsSlice {
  /** The core's id of the draft compose holds (null until the first autosave). */
  draftId: string | null;
  /** pending: changed, waiting for a pause in typing; saving: on its way to the core. */
  draftSave: 'idle' | 'pending' | 'saving' | 'saved' | 'failed';
  drafts: DraftSummary[];
  draftsStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** Accounts whose server drafts could not be read ("Welkin: not reachable"). */
  draftProblems: Array<{ accountId: string; message: string }>;
  draftsError: string | null;
  /** Welkin: the patient the fax is filed to. */
  patient: Patient | null;
  /** Send later: a local date and time (`YYYY-MM-DDTHH:mm`), or '' to send now. */
  sendAt: string;
  loadDrafts(): Promise<void>;
  /** Opens a draft in compose (what compose held is already a draft of its own). */
  openDraft(id: string): Promise<boolean>;
  /** Discards a draft from the list, or (no id) the one compose holds, which then starts empty. */
  discardDraft(id?: string): Promise<void>;
  setPatient(patient: Patient | null): void;
  searchPatients(accountId: string, text: string): Promise<Result<Patient[]>>;
  setSendAt(value: string): void;
  /** Saves what compose holds now (autosave calls it once typing pauses). */
  saveDraft(): Promise<void>;
}

/** Compose holds something worth keeping. */
export function composeHasContent(s: FaxdeskState): boolean {
  return s.recipients.length > 0 || s.numberText.trim() !== '' || s.docs.length > 0 || s.coverMode !== 'none'
    || s.coverFields.subject.trim() !== '' || s.coverFields.message.trim() !== '' || s.patient !== null;
}

/** What is autosaved: compose as the core keeps it (documents by the core's id; a file still loading joins once ready). */
export function draftContentOf(s: FaxdeskState): DraftContentInput {
  const ready = s.docs.filter((d): d is Extract<ComposeDoc, { status: 'ready' }> => d.status === 'ready');
  const idOf = new Map(ready.map((d) => [d.key, d.info.id]));
  return {
    // The account compose would send from (chosen, or the default), so a Welkin draft is mirrored at once.
    accountId: pickAccount(s.accounts, s.composeAccountId, s.appSettings)?.id ?? s.composeAccountId,
    recipients: s.recipients.map((r) => ({ e164: r.e164, display: r.display, ...(r.name ? { name: r.name } : {}) })),
    numberText: s.numberText,
    documentIds: ready.map((d) => d.info.id),
    parts: s.pages.flatMap((p): DraftPart[] => {
      const documentId = idOf.get(p.docKey);
      if (!documentId) return [];
      return p.kind === 'page' ? [{ kind: 'page', documentId, page: p.page, rotation: p.rotation }] : [{ kind: 'original', documentId }];
    }),
    cover: { mode: s.coverMode, templateId: s.coverTemplateId, fields: s.coverFields, serverCoverId: s.serverCoverId },
    headerText: s.headerText,
    resolution: s.resolution,
    patient: s.patient,
  };
}

let saving: Promise<void> | null = null;

export const createDraftsSlice: SliceCreator<DraftsSlice> = (api) => (set, get) => ({
  draftId: null,
  draftSave: 'idle',
  drafts: [],
  draftsStatus: 'idle',
  draftProblems: [],
  draftsError: null,
  patient: null,
  sendAt: '',

  async loadDrafts() {
    if (get().draftsStatus === 'idle') set({ draftsStatus: 'loading' });
    const r = await api.drafts.list({});
    if (r.ok) set({ drafts: r.value.drafts, draftProblems: r.value.problems, draftsStatus: 'ready', draftsError: null });
    else set({ draftsStatus: 'error', draftsError: r.error.message });
  },

  async openDraft(id) {
    await get().saveDraft();
    const r = await api.drafts.open({ id });
    if (!r.ok) {
      set({ draftsError: `${r.error.message} ${r.error.nextStep ?? ''}`.trim() });
      return false;
    }
    const { content, documents } = r.value;
    get().startFromDocuments(documents);
    // The page list as it was saved: each part names a document, mapped to the tile that shows it.
    const keyOf = new Map(get().docs.map((d) => [d.status === 'ready' ? d.info.id : '', d.key]));
    const pages: ComposePage[] = content.parts.flatMap((part, i): ComposePage[] => {
      const docKey = keyOf.get(part.documentId);
      if (!docKey) return [];
      return part.kind === 'page' ? [{ id: `${docKey}:${part.page}:${i}`, docKey, kind: 'page', page: part.page, rotation: part.rotation }] : [{ id: `${docKey}:original`, docKey, kind: 'original' }];
    });
    set({
      draftId: r.value.id, draftSave: 'saved', pane: 'compose', sendError: null, newNumbers: null, recipientNotice: null,
      recipients: content.recipients, numberText: content.numberText, numberTouched: false,
      composeAccountId: content.accountId, headerText: content.headerText, resolution: content.resolution, patient: content.patient,
      coverMode: content.cover.mode, coverTemplateId: content.cover.templateId, coverFields: content.cover.fields, serverCoverId: content.cover.serverCoverId,
      pages: pages.length > 0 || content.parts.length > 0 ? pages : get().docs.flatMap((d) => (d.status === 'ready' ? pagesOf({ key: d.key, info: d.info }) : [])),
      sendAt: '',
    });
    if (content.cover.mode !== 'none') void get().loadCoverTemplates();
    void get().loadDrafts();
    return true;
  },

  async discardDraft(id) {
    const current = get().draftId;
    const target = id ?? current;
    if (target === null || target === current) {
      // Compose starts empty; the core forgets the draft and the documents only it used.
      set({ draftId: null, draftSave: 'idle', recipients: [], numberText: '', numberTouched: false, headerText: '', patient: null, sendAt: '', sendError: null, newNumbers: null, recipientNotice: null });
      get().clearDocuments();
      get().resetCover();
    }
    if (target !== null) await api.drafts.remove({ id: target });
    if (get().draftsStatus !== 'idle') await get().loadDrafts();
  },

  setPatient: (patient) => set({ patient }),
  searchPatients: (accountId, text) => api.patients.search({ accountId, text }),
  setSendAt: (value) => set({ sendAt: value }),

  async saveDraft() {
    // One save at a time: a change made while one is on its way is saved after it, with the id it gave.
    while (saving) await saving;
    const s = get();
    if (!composeHasContent(s) && s.draftId === null) return;
    set({ draftSave: 'saving' });
    saving = (async () => {
      const r = await api.drafts.save({ ...(get().draftId ? { id: get().draftId! } : {}), content: draftContentOf(get()) });
      set(r.ok ? { draftId: r.value.id, draftSave: 'saved' } : { draftSave: 'failed' });
    })();
    try {
      await saving;
    } finally {
      saving = null;
    }
  },
});
