import {
  CoverFieldsSchema, type CoverFields, type CoverFit, type CoverRequest, type CoverTemplate, type SendEstimate, type Urgency,
} from '../../common/domain/cover';
import type { DocumentInfo } from '../../common/domain/document';
import type { SliceCreator } from './types';

/** No cover; one Faxdesk draws (first page of each fax, one per recipient); or one the fax service adds. */
export type CoverMode = 'none' | 'faxdesk' | 'service';
export type FaxResolutionChoice = 'service' | 'FINE' | 'SUPERFINE';

export interface CoverSlice {
  coverMode: CoverMode;
  coverTemplates: CoverTemplate[];
  coverTemplateId: string;
  coverFields: CoverFields;
  /** Sinch service cover pages of the chosen account, and the one chosen. */
  serverCovers: Array<{ id: string; name: string }>;
  serverCoverId: string | null;
  /** The cover as the core drew it for the first recipient: page 1 of the preview. */
  coverPreview: { document: DocumentInfo; fit: CoverFit; key: string } | null;
  coverError: string | null;
  resolution: FaxResolutionChoice;
  estimate: SendEstimate | null;
  loadCoverTemplates(): Promise<void>;
  setCoverMode(mode: CoverMode): void;
  setCoverTemplate(id: string): void;
  setCoverField<K extends 'subject' | 'message' | 'date'>(key: K, value: string): void;
  setCoverPerson(who: 'sender' | 'recipient', key: string, value: string): void;
  toggleUrgency(mark: Urgency): void;
  setServerCover(id: string | null): void;
  loadServerCovers(accountId: string): Promise<void>;
  /** Asks the core to draw the cover for `to` (the first recipient) with `contentPages` after it. */
  refreshCoverPreview(to: string | undefined, contentPages: number | null): Promise<void>;
  /** Saves the fields' sender and the chosen template's layout as a template of the person's own. */
  saveCoverTemplate(name: string, changes?: Partial<Pick<CoverTemplate, 'layout'>> & { logo?: CoverTemplate['logo'] | null }): Promise<boolean>;
  removeCoverTemplate(id: string): Promise<void>;
  setResolution(choice: FaxResolutionChoice): void;
  loadEstimate(accountId: string): Promise<void>;
  /** What `fax.send` gets for the cover, or nothing. */
  coverRequest(): CoverRequest | undefined;
  resetCover(): void;
}

const EMPTY_FIELDS: CoverFields = CoverFieldsSchema.parse({});

export const createCoverSlice: SliceCreator<CoverSlice> = (api) => (set, get) => ({
  coverMode: 'none',
  coverTemplates: [],
  coverTemplateId: 'builtin:plain',
  coverFields: EMPTY_FIELDS,
  serverCovers: [],
  serverCoverId: null,
  coverPreview: null,
  coverError: null,
  resolution: 'service',
  estimate: null,

  async loadCoverTemplates() {
    const r = await api.cover.templates({});
    if (r.ok) set({ coverTemplates: r.value });
  },

  setCoverMode(mode) {
    set({ coverMode: mode, coverError: null, ...(mode === 'faxdesk' ? {} : { coverPreview: null }) });
    if (mode !== 'none' && get().coverTemplates.length === 0) void get().loadCoverTemplates();
  },

  setCoverTemplate(id) {
    const template = get().coverTemplates.find((t) => t.id === id);
    if (!template) return;
    const s = get().coverFields.sender;
    // A template's sender fills the fields the person has not typed themselves.
    const sender = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v || template.sender[k as keyof typeof s]])) as CoverFields['sender'];
    set({ coverTemplateId: id, coverFields: { ...get().coverFields, sender } });
  },

  setCoverField: (key, value) => set((s) => ({ coverFields: { ...s.coverFields, [key]: value } })),
  setCoverPerson: (who, key, value) => set((s) => ({ coverFields: { ...s.coverFields, [who]: { ...s.coverFields[who], [key]: value } } })),
  toggleUrgency: (mark) => set((s) => ({
    coverFields: { ...s.coverFields, urgency: s.coverFields.urgency.includes(mark) ? s.coverFields.urgency.filter((m) => m !== mark) : [...s.coverFields.urgency, mark] },
  })),
  setServerCover: (id) => set({ serverCoverId: id }),

  async loadServerCovers(accountId) {
    const r = await api.cover.serverPages({ accountId });
    const covers = r.ok ? r.value : [];
    set((s) => ({ serverCovers: covers, serverCoverId: covers.some((c) => c.id === s.serverCoverId) ? s.serverCoverId : covers[0]?.id ?? null }));
  },

  async refreshCoverPreview(to, contentPages) {
    const cover = get().coverRequest();
    if (!cover) return;
    const key = JSON.stringify([cover, to, contentPages]);
    if (get().coverPreview?.key === key) return;
    const r = await api.cover.preview({ cover, ...(to ? { to } : {}), contentPages });
    // A newer request may have answered first: keep only the answer for what is on screen now.
    const now = get().coverRequest();
    if (!now || JSON.stringify([now, to, contentPages]) !== key) return;
    if (r.ok) set({ coverPreview: { ...r.value, key }, coverError: null });
    else set({ coverError: r.error.message });
  },

  async saveCoverTemplate(name, changes = {}) {
    const s = get();
    const base = s.coverTemplates.find((t) => t.id === s.coverTemplateId);
    if (!base) return false;
    const r = await api.cover.saveTemplate({
      ...(base.builtIn ? {} : { id: base.id }), name, layout: changes.layout ?? base.layout, sender: s.coverFields.sender,
      ...(changes.logo !== undefined ? { logo: changes.logo } : base.builtIn && base.logo ? { logo: base.logo } : {}),
    });
    if (!r.ok) {
      set({ coverError: r.error.message });
      return false;
    }
    await get().loadCoverTemplates();
    set({ coverTemplateId: r.value.id, coverError: null });
    return true;
  },

  async removeCoverTemplate(id) {
    const r = await api.cover.removeTemplate({ id });
    if (!r.ok) return set({ coverError: r.error.message });
    await get().loadCoverTemplates();
    if (get().coverTemplateId === id) set({ coverTemplateId: 'builtin:plain' });
  },

  setResolution: (choice) => set({ resolution: choice }),

  async loadEstimate(accountId) {
    const r = await api.fax.estimate({ accountId });
    set({ estimate: r.ok ? r.value : null });
  },

  coverRequest() {
    const s = get();
    return s.coverMode === 'faxdesk' ? { templateId: s.coverTemplateId, fields: s.coverFields } : undefined;
  },

  resetCover: () => set({ coverMode: 'none', coverFields: { ...EMPTY_FIELDS, sender: get().coverFields.sender }, coverPreview: null, coverError: null }),
});
