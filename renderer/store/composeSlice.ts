import { checkFaxNumber } from '../../common/domain/phone';
import type { DocumentInfo } from '../../common/domain/document';
import type { ErrorInfo } from '../../common/errors';
import { nameInMessage, refuseFile } from './fileRules';
import { computeSendPlan } from './sendPlan';
import type { SliceCreator } from './types';

/** `file` stays in the draft so the preview can render its pages in the page (never fetched back from the core). */
export type ComposeDoc =
  | { key: string; status: 'reading'; name: string; sizeBytes: number; file: File }
  | { key: string; status: 'ready'; name: string; sizeBytes: number; file: File; info: DocumentInfo };

export interface Recipient { e164: string; display: string }
export interface FileRefusal { key: string; message: string }

export interface ComposeSlice {
  docs: ComposeDoc[];
  fileRefusals: FileRefusal[];
  recipients: Recipient[];
  numberText: string;
  /** Set once the person left the field or tried to add the number: only then is it judged aloud. */
  numberTouched: boolean;
  composeAccountId: string | null;
  sending: boolean;
  sendError: ErrorInfo | null;
  openCompose(): void;
  addFiles(files: readonly File[]): Promise<void>;
  removeDoc(key: string): void;
  moveDoc(key: string, delta: -1 | 1): void;
  dismissRefusal(key: string): void;
  setNumberText(text: string): void;
  /** Enter / comma / blur: turns valid typed text into a chip. Returns false when the text is invalid. */
  commitNumber(): boolean;
  touchNumber(): void;
  removeRecipient(e164: string): void;
  setComposeAccount(id: string): void;
  send(): Promise<boolean>;
}

let keySeq = 0;
const nextKey = () => `doc-${++keySeq}`;

const EMPTY_DRAFT = {
  docs: [], fileRefusals: [], recipients: [], numberText: '', numberTouched: false,
  sending: false, sendError: null,
} satisfies Partial<ComposeSlice>;

export const createComposeSlice: SliceCreator<ComposeSlice> = (api) => (set, get) => {
  const addRecipient = (e164: string, display: string) => {
    if (get().recipients.some((r) => r.e164 === e164)) return;
    set((s) => ({ recipients: [...s.recipients, { e164, display }] }));
  };

  const readOne = async (file: File) => {
    const refusal = refuseFile(file);
    if (refusal) {
      set((s) => ({ fileRefusals: [...s.fileRefusals, { key: nextKey(), message: refusal }] }));
      return;
    }
    const key = nextKey();
    set((s) => ({ docs: [...s.docs, { key, status: 'reading', name: file.name, sizeBytes: file.size, file }] }));
    let message: string | null = null;
    try {
      const r = await api.files.add(file);
      if (r.ok) {
        const info = r.value;
        // The tile may have been removed while the file was uploading: then drop the document again.
        if (!get().docs.some((d) => d.key === key)) {
          void api.documents.remove({ id: info.id });
          return;
        }
        set((s) => ({
          docs: s.docs.map((d) => (d.key === key ? { key, status: 'ready', name: file.name, sizeBytes: info.sizeBytes, file, info } : d)),
        }));
        return;
      }
      message = `${nameInMessage(file.name, r.error.message)} ${r.error.nextStep}`;
    } catch {
      message = `${file.name} could not be read. Check that the file is still there and try again.`;
    }
    set((s) => ({
      docs: s.docs.filter((d) => d.key !== key),
      fileRefusals: [...s.fileRefusals, { key: nextKey(), message: message ?? `${file.name} was refused.` }],
    }));
  };

  return {
    ...EMPTY_DRAFT,
    composeAccountId: null,

    openCompose: () => set({ pane: 'compose' }),

    async addFiles(files) {
      set({ pane: 'compose' });
      // One at a time keeps the strip in the order the files were chosen.
      for (const file of files) await readOne(file);
    },

    removeDoc(key) {
      const doc = get().docs.find((d) => d.key === key);
      set((s) => ({ docs: s.docs.filter((d) => d.key !== key) }));
      if (doc?.status === 'ready') void api.documents.remove({ id: doc.info.id });
    },

    moveDoc(key, delta) {
      const docs = [...get().docs];
      const i = docs.findIndex((d) => d.key === key);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= docs.length) return;
      [docs[i], docs[j]] = [docs[j]!, docs[i]!];
      set({ docs });
    },

    dismissRefusal: (key) => set((s) => ({ fileRefusals: s.fileRefusals.filter((f) => f.key !== key) })),

    setNumberText(text) {
      if (!text.includes(',')) {
        set({ numberText: text });
        return;
      }
      // Typing or pasting commas adds every valid part as a chip and leaves the rest in the field.
      const parts = text.split(',');
      const rest: string[] = [];
      for (const part of parts) {
        if (part.trim() === '') continue;
        const c = checkFaxNumber(part);
        if (c.ok) addRecipient(c.e164, c.display);
        else rest.push(part.trim());
      }
      set({ numberText: rest.join(', '), numberTouched: rest.length > 0 });
    },

    commitNumber() {
      const text = get().numberText;
      if (text.trim() === '') return true;
      const c = checkFaxNumber(text);
      if (!c.ok) {
        set({ numberTouched: true });
        return false;
      }
      addRecipient(c.e164, c.display);
      set({ numberText: '', numberTouched: false });
      return true;
    },

    touchNumber() {
      const text = get().numberText;
      const c = checkFaxNumber(text);
      // Formats a lone valid number in place; several numbers become chips.
      if (c.ok) set({ numberText: c.display, numberTouched: true });
      else set({ numberTouched: text.trim() !== '' });
    },

    removeRecipient: (e164) => set((s) => ({ recipients: s.recipients.filter((r) => r.e164 !== e164) })),

    setComposeAccount: (id) => set({ composeAccountId: id }),

    async send() {
      const s = get();
      const plan = computeSendPlan(s);
      if (!plan.canSend || s.sending || plan.accountId === null) return false;
      set({ sending: true, sendError: null });
      const r = await api.fax.send({ accountId: plan.accountId, to: plan.to, documentIds: plan.documentIds });
      if (!r.ok) {
        set({ sending: false, sendError: r.error });
        return false;
      }
      for (const job of r.value) get().applyJob(job, true);
      set({ ...EMPTY_DRAFT, pane: 'outbox', selectedJobId: r.value[0]?.id ?? null });
      return true;
    },
  };
};
