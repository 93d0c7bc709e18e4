import { checkFaxNumber } from '../../common/domain/phone';
import type { OutboxJob } from '../../common/domain/fax';
import type { ErrorInfo } from '../../common/errors';
import { coverPlan, computeSendPlan, pickAccount } from './sendPlan';
import type { SliceCreator } from './types';

export type { ComposeDoc } from './documentsSlice';

export interface Recipient { e164: string; display: string }

/** Who the fax goes to and how; the documents and pages are in documentsSlice. */
export interface ComposeSlice {
  recipients: Recipient[];
  numberText: string;
  /** Set once the person left the field or tried to add the number: only then is it judged aloud. */
  numberTouched: boolean;
  composeAccountId: string | null;
  /** Sinch prints this line (with the date and page numbers) at the top of every page it transmits. */
  headerText: string;
  sending: boolean;
  sendError: ErrorInfo | null;
  openCompose(): void;
  /** Compose with a sent fax's documents: to the same number (`resend`) or to someone new (`forward`). */
  composeFromJob(job: OutboxJob, mode: 'resend' | 'forward'): void;
  setNumberText(text: string): void;
  /** Enter / comma / blur: turns valid typed text into a chip. Returns false when the text is invalid. */
  commitNumber(): boolean;
  touchNumber(): void;
  removeRecipient(e164: string): void;
  setComposeAccount(id: string): void;
  setHeaderText(text: string): void;
  /** `confirmDuplicate`: the person saw these pages already went to this number today, and sends anyway. */
  send(confirmDuplicate?: boolean): Promise<boolean>;
}

/** Longest header line Sinch prints. */
export const HEADER_TEXT_MAX = 50;

const EMPTY_DRAFT = {
  recipients: [], numberText: '', numberTouched: false, headerText: '', sending: false, sendError: null,
} satisfies Partial<ComposeSlice>;

export const createComposeSlice: SliceCreator<ComposeSlice> = (api) => (set, get) => {
  const addRecipient = (e164: string, display: string) => {
    if (get().recipients.some((r) => r.e164 === e164)) return;
    set((s) => ({ recipients: [...s.recipients, { e164, display }] }));
  };

  return {
    ...EMPTY_DRAFT,
    composeAccountId: null,

    openCompose: () => set({ pane: 'compose' }),

    composeFromJob(job, mode) {
      const c = checkFaxNumber(job.to);
      const recipients = mode === 'resend' && c.ok ? [{ e164: c.e164, display: c.display }] : [];
      // The cover drawn for the old recipient is not a document of the new fax.
      get().startFromDocuments(job.hasCover ? job.documents.slice(1) : job.documents);
      set({ ...EMPTY_DRAFT, recipients, composeAccountId: job.accountId, pane: 'compose' });
    },

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

    setHeaderText: (text) => set({ headerText: text.slice(0, HEADER_TEXT_MAX) }),

    async send(confirmDuplicate = false) {
      const s = get();
      const plan = computeSendPlan({ ...s, cover: coverPlan(s) });
      if (!plan.canSend || s.sending || plan.accountId === null) return false;
      const account = pickAccount(s.accounts, s.composeAccountId, s.appSettings);
      const headerText = account?.capabilities.includes('headerText') ? s.headerText.trim() : '';
      const cover = s.coverRequest();
      const serverCover = s.coverMode === 'service' && s.serverCoverId ? { coverPageId: s.serverCoverId, fields: s.coverFields } : undefined;
      const subject = (cover || serverCover) && s.coverFields.subject.trim() ? s.coverFields.subject.trim() : undefined;
      const resolution = account?.capabilities.includes('resolution') && s.resolution !== 'service' ? s.resolution : undefined;
      set({ sending: true, sendError: null });
      const r = await api.fax.send({
        accountId: plan.accountId, to: plan.to, documentIds: plan.documentIds, parts: plan.parts,
        options: { ...(headerText ? { headerText } : {}), ...(resolution ? { resolution } : {}), ...(cover ? { cover } : {}), ...(serverCover ? { serverCover } : {}), ...(subject ? { subject } : {}) },
        confirmDuplicate,
      });
      if (!r.ok) {
        set({ sending: false, sendError: r.error });
        return false;
      }
      for (const job of r.value) get().applyJob(job, true);
      set({ ...EMPTY_DRAFT, pane: 'outbox', selectedJobId: r.value[0]?.id ?? null });
      get().clearDocuments(new Set(plan.documentIds));
      get().resetCover();
      return true;
    },
  };
};
