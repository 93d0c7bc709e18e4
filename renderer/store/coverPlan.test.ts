import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { DocumentInfo } from '../../common/domain/document';
import type { ComposeDoc } from './documentsSlice';
import { pagesOf } from './pageList';
import { computeSendPlan, coverPlan } from './sendPlan';

const sinch: Account = {
  id: 'acc', name: 'My Sinch', demo: false, hasSecret: true, status: 'connected', capabilities: ['serverCoverPages'], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k', authMode: 'oauth2', region: 'global' } },
};
const info: DocumentInfo = { id: 'd', name: 'a.pdf', kind: 'pdf', pages: 2, sizeBytes: 1, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: 1, sha256: 'a', warnings: [] };
const doc: ComposeDoc = { key: 'a', status: 'ready', name: 'a.pdf', sizeBytes: 1, info };
const fit = (fits: boolean) => ({ fit: { fits, cutAfter: fits ? undefined : 'the last words' } });
const plan = (cover: ReturnType<typeof coverPlan>) => computeSendPlan({
  docs: [doc], pages: pagesOf(doc), recipients: [{ e164: '+19898989898', display: '' }, { e164: '+19898989800', display: '' }],
  numberText: '', composeAccountId: 'acc', accounts: [sinch], cover,
});

describe('send plan with a cover page', () => {
  it('counts the cover in Send, once per fax', () => {
    const p = plan(coverPlan({ coverMode: 'faxdesk', serverCoverId: null, coverError: null, coverPreview: fit(true) }));
    expect(p).toMatchObject({ canSend: true, pages: 3, label: 'Send 3 pages to 2 recipients', unknownDocs: 0 });
  });

  it('a message cut short keeps Send off and says where it is cut', () => {
    const p = plan(coverPlan({ coverMode: 'faxdesk', serverCoverId: null, coverError: null, coverPreview: fit(false) }));
    expect(p.canSend).toBe(false);
    expect(p.reason).toBe('The message is too long for one page: it is cut after “the last words”. Shorten it to send.');
  });

  it('waits for the cover to be drawn; a service cover needs one chosen and counts one page', () => {
    expect(plan(coverPlan({ coverMode: 'faxdesk', serverCoverId: null, coverError: null, coverPreview: null })).reason).toBe('Wait for the cover page to be drawn.');
    expect(plan(coverPlan({ coverMode: 'service', serverCoverId: null, coverError: null, coverPreview: null })).canSend).toBe(false);
    expect(plan(coverPlan({ coverMode: 'service', serverCoverId: 'cp1', coverError: null, coverPreview: null }))).toMatchObject({ canSend: true, pages: 3 });
    expect(plan(coverPlan({ coverMode: 'none', serverCoverId: null, coverError: null, coverPreview: null })).label).toBe('Send 2 pages to 2 recipients');
  });
});
