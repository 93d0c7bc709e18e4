import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { startTestCore } from '../support/coreKit';
import { useSinchEmulator } from '../support/emulatorSuite';
import { waitFor } from '../support/testKit';

/** A new or edited account is checked at once, so the sidebar and compose know whether it can send. */
const sinch = useSinchEmulator();

describe('an account is checked as soon as it is added or edited', () => {
  it('wrong secret: signed out without anyone pressing Test connection; fixed secret: connected', async () => {
    const h = startTestCore({ demo: false });
    try {
      const settings = { provider: 'sinch' as const, sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: sinch.url, authUrl: sinch.url } };
      const added = await h.core.dispatch('accounts.add', { name: 'Front desk', secret: 'not-the-secret', settings });
      expect(added.ok).toBe(true);
      const id = (added as { value: Account }).value.id;
      const status = async () => ((await h.core.dispatch('accounts.list', {})) as { value: Account[] }).value.find((a) => a.id === id)?.status;
      await waitFor(async () => (await status()) === 'signed_out', 15_000, 'the new account checked and signed out');
      await h.core.dispatch('accounts.update', { id, draft: { name: 'Front desk', secret: SINCH_DEMO_CREDENTIALS.keySecret, settings } });
      await waitFor(async () => (await status()) === 'connected', 15_000, 'the edited account checked and connected');
    } finally {
      await h.close();
    }
  });
});
