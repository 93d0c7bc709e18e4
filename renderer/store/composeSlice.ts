import { checkFaxNumber } from '../../common/domain/phone';
import { readFaxNumber, splitNumberList } from '../../common/domain/recipients';
import type { OutboxJob } from '../../common/domain/fax';
import type { ComposeOpenRequested } from '../../common/ipc/contract';
import type { ErrorInfo } from '../../common/errors';
import { coverPlan, computeSendPlan, pickAccount } from './sendPlan';
import type { SliceCreator } from './types';

export type { ComposeDoc } from './documentsSlice';

/** `name`: the contact it was picked from (its chip shows the name). */
export interface Recipient { e164: string; display: string; name?: string }

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
  /** What the last paste or pick did that the person should hear ("+1 201 555 0100 was already in the list"). */
  recipientNotice: string | null;
  /** Numbers no real account has faxed before: Send asks once before the first fax to them. */
  newNumbers: string[] | null;
  openCompose(): void;
  /** Files from the desktop (Open with, a launch, the hot folder) the core has ready: compose opens with them. */
  takeOpenRequests(): Promise<void>;
  applyOpenRequest(request: ComposeOpenRequested): void;
  /** Compose with a sent fax's documents: to the same number (`resend`) or to someone new (`forward`). */
  composeFromJob(job: OutboxJob, mode: 'resend' | 'forward'): void;
  setNumberText(text: string): void;
  /** Enter / comma / blur: turns valid typed text into a chip. Returns false when the text is invalid. */
  commitNumber(): boolean;
  touchNumber(): void;
  removeRecipient(e164: string): void;
  /** A contact, group or recent number picked from the recipient field's list (duplicates are dropped and said). */
  pickRecipients(list: Recipient[]): void;
  /** A pasted list: numbers separated by newlines, commas or semicolons. Answers what could not be read. */
  addNumberList(text: string): string[];
  setComposeAccount(id: string): void;
  setHeaderText(text: string): void;
  /**
   * `confirmDuplicate`: the person saw these pages already went to this number today, and sends anyway.
   * `confirmNewNumbers`: the person checked the numbers never faxed before from a real account.
   */
  send(confirmDuplicate?: boolean, confirmNewNumbers?: boolean): Promise<boolean>;
}

/** Longest header line Sinch prints. */
export const HEADER_TEXT_MAX = 50;

const EMPTY_DRAFT = {
  recipients: [], numberText: '', numberTouched: false, headerText: '', sending: false, sendError: null,
  recipientNotice: null, newNumbers: null,
} satisfies Partial<ComposeSlice>;

/** "A was already in the list." / "A and B were already in the list." */
function duplicateNotice(displays: string[]): string | null {
  if (displays.length === 0) return null;
  const names = displays.length === 1 ? displays[0]! : `${displays.slice(0, -1).join(', ')} and ${displays.at(-1)!}`;
  return `${names} ${displays.length === 1 ? 'was' : 'were'} already in the list.`;
}

export const createComposeSlice: SliceCreator<ComposeSlice> = (api) => (set, get) => {
  const region = () => get().appSettings?.region;
  /** Adds those not in the list yet (and forgets an answered new-number question); answers the ones dropped as duplicates. */
  const addRecipients = (list: Recipient[]): string[] => {
    const dropped: string[] = [];
    const next = [...get().recipients];
    for (const r of list) {
      if (next.some((x) => x.e164 === r.e164)) dropped.push(r.display);
      else next.push(r);
    }
    set({ recipients: next, newNumbers: null, recipientNotice: duplicateNotice(dropped) });
    return dropped;
  };
  const addRecipient = (e164: string, display: string) => addRecipients([{ e164, display }]);

  return {
    ...EMPTY_DRAFT,
    composeAccountId: null,

    openCompose: () => set({ pane: 'compose' }),

    async takeOpenRequests() {
      const r = await api.compose.takeOpenRequests();
      if (r.ok) for (const request of r.value) get().applyOpenRequest(request);
    },

    applyOpenRequest({ documents, to, refusals }) {
      set({ pane: 'compose' });
      get().addDocumentInfos(documents);
      const number = to ? checkFaxNumber(to) : undefined;
      if (number?.ok) addRecipient(number.e164, number.display);
      get().addRefusals(refusals);
    },

    composeFromJob(job, mode) {
      const c = checkFaxNumber(job.to);
      const recipients = mode === 'resend' && c.ok ? [{ e164: c.e164, display: c.display }] : [];
      // The cover drawn for the old recipient is not a document of the new fax.
      get().startFromDocuments(job.hasCover ? job.documents.slice(1) : job.documents);
      // A new draft of its own (what compose held stays a draft).
      set({ ...EMPTY_DRAFT, draftId: null, draftSave: 'idle', patient: null, sendAt: '', recipients, composeAccountId: job.accountId, pane: 'compose' });
    },

    setNumberText(text) {
      if (!/[,;\n]/.test(text)) {
        set({ numberText: text, newNumbers: null });
        return;
      }
      // Typing or pasting separators adds every valid part as a chip and leaves the rest in the field.
      const rest = get().addNumberList(text);
      set({ numberText: rest.join(', '), numberTouched: rest.length > 0 });
    },

    addNumberList(text) {
      const rest: string[] = [];
      const found: Recipient[] = [];
      for (const part of splitNumberList(text)) {
        const c = readFaxNumber(part, region());
        if (c.ok) found.push({ e164: c.e164, display: c.display });
        else rest.push(part);
      }
      // The same number twice in one paste is a duplicate too.
      const unique = found.filter((r, i) => found.findIndex((x) => x.e164 === r.e164) === i);
      const repeated = found.filter((r, i) => found.findIndex((x) => x.e164 === r.e164) !== i).map((r) => r.display);
      const dropped = addRecipients(unique);
      set({ recipientNotice: duplicateNotice([...new Set([...dropped, ...repeated])]) });
      return rest;
    },

    pickRecipients(list) {
      addRecipients(list);
      set({ numberText: '', numberTouched: false });
    },

    commitNumber() {
      const text = get().numberText;
      if (text.trim() === '') return true;
      const c = readFaxNumber(text, region());
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
      const c = readFaxNumber(text, region());
      // Formats a lone valid number in place; several numbers become chips.
      if (c.ok) set({ numberText: c.display, numberTouched: true });
      else set({ numberTouched: text.trim() !== '' });
    },

    removeRecipient: (e164) => set((s) => ({ recipients: s.recipients.filter((r) => r.e164 !== e164), newNumbers: null, recipientNotice: null })),

    setComposeAccount: (id) => set({ composeAccountId: id }),

    setHeaderText: (text) => set({ headerText: text.slice(0, HEADER_TEXT_MAX) }),

    async send(confirmDuplicate = false, confirmNewNumbers = false) {
      const s = get();
      const plan = computeSendPlan({ ...s, cover: coverPlan(s) });
      if (!plan.canSend || s.sending || plan.accountId === null) return false;
      const account = pickAccount(s.accounts, s.composeAccountId, s.appSettings);
      const headerText = account?.capabilities.includes('headerText') ? s.headerText.trim() : '';
      const cover = s.coverRequest();
      const serverCover = s.coverMode === 'service' && s.serverCoverId ? { coverPageId: s.serverCoverId, fields: s.coverFields } : undefined;
      // The subject goes with a cover page, and with every fax of an account that keeps one (Welkin).
      const keepsSubject = cover || serverCover || account?.capabilities.includes('serverDrafts');
      const subject = keepsSubject && s.coverFields.subject.trim() ? s.coverFields.subject.trim() : undefined;
      const resolution = account?.capabilities.includes('resolution') && s.resolution !== 'service' ? s.resolution : undefined;
      const patient = account?.capabilities.includes('assignToPatient') && s.patient ? s.patient : undefined;
      const sendAt = s.sendAt ? new Date(s.sendAt).toISOString() : undefined;
      set({ sending: true, sendError: null, newNumbers: null });
      // The draft is saved first, so the send names it and the core retires exactly that draft.
      await get().saveDraft();
      // A real account's first fax to a number asks first (a wrong digit sends PHI to a stranger); Demo transmits nothing.
      if (!confirmNewNumbers && account && !account.demo) {
        const fresh = await api.contacts.newNumbers({ numbers: plan.to });
        if (fresh.ok && fresh.value.numbers.length > 0) {
          set({ sending: false, newNumbers: fresh.value.numbers });
          return false;
        }
      }
      const r = await api.fax.send({
        accountId: plan.accountId, to: plan.to, documentIds: plan.documentIds, parts: plan.parts,
        options: {
          ...(headerText ? { headerText } : {}), ...(resolution ? { resolution } : {}), ...(cover ? { cover } : {}), ...(serverCover ? { serverCover } : {}),
          ...(subject ? { subject } : {}), ...(patient ? { patient } : {}), ...(sendAt ? { sendAt } : {}),
        },
        confirmDuplicate,
        ...(get().draftId ? { draftId: get().draftId! } : {}),
      });
      if (!r.ok) {
        set({ sending: false, sendError: r.error });
        return false;
      }
      for (const job of r.value) get().applyJob(job, true);
      set({ ...EMPTY_DRAFT, draftId: null, draftSave: 'idle', patient: null, sendAt: '', pane: 'outbox', selectedJobId: r.value[0]?.id ?? null });
      if (sendAt) get().announce(`The fax will be sent at ${new Date(sendAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}. It waits in the Outbox until then.`);
      get().clearDocuments(new Set(plan.documentIds));
      get().resetCover();
      return true;
    },
  };
};
