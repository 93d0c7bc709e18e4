import { describe, expect, it } from 'vitest';
import type { Account } from '../../../common/domain/account';
import { addressChanged, draftFromForm, formFromAccount, SECRET_AGAIN } from './accountForm';

const sinchAccount: Account = {
  id: 'a1', name: 'Front desk', demo: false, hasSecret: true, status: 'connected', capabilities: [], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k', authMode: 'oauth2', region: 'global', baseUrl: 'https://fax.example.com' } },
};

describe('the account form asks for the secret again when the address changes', () => {
  it('a changed base URL, auth URL or region needs the secret; other edits do not', () => {
    const form = formFromAccount(sinchAccount);
    expect(addressChanged(form, sinchAccount)).toBe(false);
    expect(addressChanged({ ...form, name: 'Renamed', sinch: { ...form.sinch, serviceId: 'svc' } }, sinchAccount)).toBe(false);
    expect(addressChanged({ ...form, sinch: { ...form.sinch, baseUrl: 'https://fax.example.com/' } }, sinchAccount)).toBe(false);
    for (const patch of [{ baseUrl: 'https://other.example.com' }, { authUrl: 'https://auth.example.com' }, { region: 'eu1' as const }]) {
      const moved = { ...form, sinch: { ...form.sinch, ...patch } };
      expect(addressChanged(moved, sinchAccount)).toBe(true);
      expect(draftFromForm(moved, true, sinchAccount)).toEqual({ errors: { secret: SECRET_AGAIN } });
      expect(draftFromForm({ ...moved, secret: 'typed again' }, true, sinchAccount)).toHaveProperty('draft');
    }
  });

  it('an account without a stored secret, or a Demo account, has no secret to re-enter', () => {
    const moved = { ...formFromAccount(sinchAccount), sinch: { ...formFromAccount(sinchAccount).sinch, baseUrl: 'https://other.example.com' } };
    expect(addressChanged(moved, { ...sinchAccount, hasSecret: false })).toBe(false);
    expect(addressChanged(moved, { ...sinchAccount, demo: true })).toBe(false);
  });

  it('http is refused for an address outside this computer, with words saying why', () => {
    const form = formFromAccount(sinchAccount);
    const checked = draftFromForm({ ...form, secret: 's', sinch: { ...form.sinch, baseUrl: 'http://fax.example.com' } }, true, sinchAccount);
    expect(checked).toEqual({ errors: { 'settings.sinch.baseUrl': expect.stringMatching(/https:\/\/.*this computer/) } });
  });
});
