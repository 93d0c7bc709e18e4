import { SINCH_REGIONS, AccountDraftSchema, addressFieldsOf, type Account, type AccountDraft } from '../../../common/domain/account';
import { serviceAddress, WELKIN_DEFAULT_BASE_URL } from '../../../common/domain/accountAddress';

export type Region = (typeof SINCH_REGIONS)[number];

/** Flat, string-valued form state; turned into an AccountDraft and checked with the shared schema. */
export interface AccountForm {
  provider: 'sinch' | 'welkin';
  name: string;
  secret: string;
  sinch: {
    projectId: string; keyId: string; authMode: 'oauth2' | 'basic'; region: Region;
    baseUrl: string; authUrl: string; serviceId: string; fromNumber: string;
  };
  welkin: { tenant: string; instance: string; apiClient: string; baseUrl: string };
}

export const WELKIN_DEFAULT_BASE = WELKIN_DEFAULT_BASE_URL;

export const SECRET_AGAIN = 'Enter the secret again: the address changed';

/**
 * The form points the account somewhere else (base URL, auth URL or region): the core then wants
 * the secret typed again, since a stored secret is sent only where it was entered for.
 */
export function addressChanged(f: AccountForm, account: Account | null): boolean {
  if (!account || account.demo || !account.hasSecret) return false;
  const now = f.provider === 'sinch'
    ? { provider: 'sinch' as const, region: f.sinch.region, baseUrl: f.sinch.baseUrl, authUrl: f.sinch.authUrl }
    : { provider: 'welkin' as const, baseUrl: f.welkin.baseUrl };
  return serviceAddress(now) !== serviceAddress(addressFieldsOf(account.settings));
}

export function emptyForm(): AccountForm {
  return {
    provider: 'sinch', name: '', secret: '',
    sinch: { projectId: '', keyId: '', authMode: 'oauth2', region: 'global', baseUrl: '', authUrl: '', serviceId: '', fromNumber: '' },
    welkin: { tenant: '', instance: '', apiClient: '', baseUrl: WELKIN_DEFAULT_BASE },
  };
}

export function formFromAccount(a: Account): AccountForm {
  const f = emptyForm();
  f.name = a.name;
  f.provider = a.settings.provider;
  if (a.settings.provider === 'sinch') {
    const s = a.settings.sinch;
    f.sinch = {
      projectId: s.projectId, keyId: s.keyId, authMode: s.authMode, region: s.region,
      baseUrl: s.baseUrl ?? '', authUrl: s.authUrl ?? '', serviceId: s.serviceId ?? '', fromNumber: s.fromNumber ?? '',
    };
  } else {
    f.welkin = { ...a.settings.welkin };
  }
  return f;
}

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

export type FieldErrors = Record<string, string>;

/** Validates with AccountDraftSchema. Field keys are dotted paths: `name`, `secret`, `settings.sinch.projectId`. */
export function draftFromForm(f: AccountForm, editing: boolean, account: Account | null = null): { draft: AccountDraft } | { errors: FieldErrors } {
  const settings = f.provider === 'sinch'
    ? {
      provider: 'sinch' as const,
      sinch: {
        projectId: f.sinch.projectId, keyId: f.sinch.keyId, authMode: f.sinch.authMode, region: f.sinch.region,
        baseUrl: opt(f.sinch.baseUrl), authUrl: opt(f.sinch.authUrl),
        serviceId: opt(f.sinch.serviceId), fromNumber: opt(f.sinch.fromNumber),
      },
    }
    : {
      provider: 'welkin' as const,
      welkin: { tenant: f.welkin.tenant, instance: f.welkin.instance, apiClient: f.welkin.apiClient, baseUrl: opt(f.welkin.baseUrl) },
    };
  const parsed = AccountDraftSchema.safeParse({ name: f.name, settings, secret: f.secret === '' ? undefined : f.secret });
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= /url/i.test(key) && issue.code === 'invalid_format' ? 'Enter a full address such as https://example.com' : issue.message;
    }
  }
  if (!editing && f.secret === '') errors.secret = f.provider === 'sinch' ? 'Enter the key secret' : 'Enter the client secret';
  if (editing && f.secret === '' && addressChanged(f, account)) errors.secret = SECRET_AGAIN;
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { draft: parsed.data };
}

/** Finds the message for a field whatever path style the core used (`settings.sinch.keyId`, `sinch.keyId`, `keyId`). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const leaf = path.split('.').pop() ?? path;
  const hit = Object.entries(errors).find(([k]) => k === leaf || k.endsWith(`.${leaf}`) || path.endsWith(`.${k}`));
  return hit?.[1];
}
