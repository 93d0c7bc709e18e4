import { describe, expect, it } from 'vitest';
import type { Account, AccountLimits } from '../../common/domain/account';
import type { DocumentInfo } from '../../common/domain/document';
import type { ComposeDoc } from './documentsSlice';
import { pagesOf, type ComposePage } from './pageList';
import { computeSendPlan, offeredAccounts, type SendPlanInput } from './sendPlan';

const MB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SINCH_LIMITS: AccountLimits = { maxFileBytes: 20 * MB };
const WELKIN_LIMITS: AccountLimits = { maxFiles: 10, maxTotalBytes: 100 * MB, contentTypes: ['application/pdf', 'image/jpeg', 'image/png', DOCX] };

const account = (provider: 'sinch' | 'welkin', limits: AccountLimits): Account => ({
  id: `acc-${provider}`, name: `My ${provider}`, demo: false, hasSecret: true, status: 'connected', capabilities: [], limits,
  settings: provider === 'sinch'
    ? { provider, sinch: { projectId: 'p', keyId: 'k', authMode: 'oauth2', region: 'global' } }
    : { provider, welkin: { tenant: 't', instance: 'i', apiClient: 'c', baseUrl: 'https://api.example' } },
});

function doc(name: string, over: Partial<DocumentInfo> = {}): Extract<ComposeDoc, { status: 'ready' }> {
  const info: DocumentInfo = {
    id: `id-${name}`, name, kind: 'pdf', pages: 1, sizeBytes: MB, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: MB, sha256: 'a'.repeat(64), warnings: [], ...over,
  };
  return { key: name, status: 'ready', name, sizeBytes: info.sizeBytes, info };
}

function plan(docs: ComposeDoc[], acc: Account, pages?: ComposePage[]) {
  const input: SendPlanInput = {
    docs, pages: pages ?? docs.flatMap((d) => (d.status === 'ready' ? pagesOf(d) : [])),
    recipients: [], numberText: '+19898989898', composeAccountId: acc.id, accounts: [acc],
  };
  return computeSendPlan(input);
}

describe('send plan: the chosen account’s limits, before anything is uploaded', () => {
  it('Sinch: a file over 20 MB is refused by name, and Send says why', () => {
    const sinch = account('sinch', SINCH_LIMITS);
    const p = plan([doc('small.pdf'), doc('scan.pdf', { pages: 10, sentBytes: 25 * MB })], sinch);
    expect(p.canSend).toBe(false);
    expect(p.problems).toEqual(['scan.pdf is 25.0 MB; Sinch accepts files up to 20 MB. Remove pages, or split it into smaller files.']);
    expect(p.reason).toBe(p.problems[0]);
  });

  it('Sinch: removing pages brings a composed file under the limit; pages run together are estimated; a whole document goes apart', () => {
    const sinch = account('sinch', SINCH_LIMITS);
    const scan = doc('scan.pdf', { pages: 10, sentBytes: 25 * MB });
    const half = pagesOf(scan).slice(0, 5);
    expect(plan([scan], sinch, half).canSend).toBe(true);
    const other = doc('other.pdf', { pages: 2, sentBytes: 24 * MB });
    // other.pdf whole would be a file of its own (and too big on its own); one page of it runs together with scan.pdf's.
    expect(plan([scan, other], sinch, [...half, ...pagesOf(other)]).problems).toEqual([
      'other.pdf is 24.0 MB; Sinch accepts files up to 20 MB. Remove pages, or split it into smaller files.',
    ]);
    const merged = plan([scan, other], sinch, [...half, ...pagesOf(other).slice(0, 1)]);
    expect(merged.problems).toEqual([
      'The pages of scan.pdf and other.pdf make one file of about 24.5 MB; Sinch accepts files up to 20 MB. Remove pages, or split it into smaller files.',
    ]);
  });

  it('Welkin: more than 10 files, over 100 MB in all, a type it does not take — each named', () => {
    const welkin = account('welkin', WELKIN_LIMITS);
    const letters = Array.from({ length: 12 }, (_v, i) => doc(`letter${i + 1}.docx`, { kind: 'docx', pages: null, sentAs: 'original', contentType: DOCX }));
    expect(plan(letters, welkin).problems).toEqual([
      'This fax would upload 12 files; Welkin accepts at most 10: letter11.docx and letter12.docx are over the limit. Send them as a second fax.',
    ]);
    const big = [doc('a.pdf', { sentBytes: 60 * MB }), doc('memo.txt', { sentAs: 'original', contentType: 'text/plain', sentBytes: 50 * MB })];
    expect(plan(big, welkin).problems).toEqual([
      'Welkin does not take memo.txt as it is. Save it as a PDF and add that instead.',
      'This fax’s files add up to 110.0 MB; Welkin accepts at most 100 MB per fax (the largest: a.pdf, 60.0 MB). Remove pages or documents, or send two faxes.',
    ]);
    expect(plan(big, welkin).reason).toBe('My welkin cannot send this fax as it is: see the 2 problems above.');
  });

  it('Welkin: twelve PDFs go as one composed file, within every limit', () => {
    const welkin = account('welkin', WELKIN_LIMITS);
    const pdfs = Array.from({ length: 12 }, (_v, i) => doc(`scan${i + 1}.pdf`));
    expect(plan(pdfs, welkin)).toMatchObject({ canSend: true, problems: [], label: 'Send 12 pages to 1 recipient' });
  });

  it('cautions above 50 pages without stopping the send', () => {
    const sinch = account('sinch', SINCH_LIMITS);
    expect(plan([doc('long.pdf', { pages: 50 })], sinch).caution).toBeNull();
    const long = plan([doc('long.pdf', { pages: 51 })], sinch);
    expect(long).toMatchObject({ canSend: true, caution: 'This fax has 51 pages: a long and costly call. Check that every page needs to go.' });
  });

  it('counts only the pages that will go, and says when a file’s pages are unknown', () => {
    const sinch = account('sinch', SINCH_LIMITS);
    const letter = doc('letter.docx', { kind: 'docx', pages: null, sentAs: 'original', contentType: DOCX });
    expect(plan([letter], sinch).label).toBe('Send 1 document (pages unknown) to 1 recipient');
    const three = doc('three.pdf', { pages: 3 });
    expect(plan([three], sinch, pagesOf(three).slice(1)).label).toBe('Send 2 pages to 1 recipient');
    expect(plan([three], sinch, [])).toMatchObject({ canSend: false, reason: 'Add a document to send.' });
  });
});

describe('send plan: the account a fax goes from', () => {
  const demo: Account = { ...account('sinch', SINCH_LIMITS), id: 'acc-demo', name: 'Demo', demo: true };
  const base = (accounts: Account[], over: Partial<SendPlanInput> = {}): SendPlanInput => ({
    docs: [doc('a.pdf')], pages: pagesOf(doc('a.pdf')), recipients: [], numberText: '+19898989898', composeAccountId: null, accounts, ...over,
  });

  it('starts with the real account a fax was last sent from, and offers no demo account once they are hidden', () => {
    const sinch = account('sinch', SINCH_LIMITS);
    const welkin = account('welkin', WELKIN_LIMITS);
    expect(computeSendPlan(base([demo, sinch, welkin], { appSettings: { lastAccountId: welkin.id } })).accountId).toBe(welkin.id);
    expect(computeSendPlan(base([demo, sinch])).accountId).toBe(sinch.id); // a real one before the demo
    expect(offeredAccounts([demo, sinch], { hideDemoAccounts: true }).map((a) => a.id)).toEqual([sinch.id]);
    expect(offeredAccounts([demo], { hideDemoAccounts: true }).map((a) => a.id)).toEqual([demo.id]); // nothing else to offer
  });

  it('a signed-out account keeps Send off, says why and offers its settings; a retrying one lets the fax wait', () => {
    const signedOut: Account = { ...account('sinch', SINCH_LIMITS), status: 'signed_out' };
    const p = computeSendPlan(base([signedOut], { composeAccountId: signedOut.id }));
    expect(p.canSend).toBe(false);
    expect(p.reason).toBe('My sinch is signed out: Sinch refused its sign-in details. Open its settings to fix them.');
    expect(p.accountProblem).toEqual({ message: p.reason, accountId: signedOut.id });
    const noSecret = computeSendPlan(base([{ ...account('welkin', WELKIN_LIMITS), hasSecret: false }]));
    expect(noSecret.reason).toBe('No secret is stored for My welkin. Open its settings and enter it.');
    const retrying: Account = { ...account('sinch', SINCH_LIMITS), status: 'retrying', nextCheckAt: '2026-12-01T10:05:00.000Z' };
    const waits = computeSendPlan(base([retrying]));
    expect(waits.canSend).toBe(true);
    expect(waits.caution).toMatch(/^My sinch cannot reach Sinch right now: the fax will wait and go out when it answers\. Next try at /);
  });
});
