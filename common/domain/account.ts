import { z } from 'zod';
import { ServiceUrlSchema, WELKIN_DEFAULT_BASE_URL, type AddressFields } from './accountAddress';
import { E164_PATTERN } from './phone';
import { plainText } from './text';

export const ProviderKindSchema = z.enum(['sinch', 'welkin']);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

/** How a person calls each provider, in messages. */
export const PROVIDER_NAMES: Readonly<Record<ProviderKind, string>> = { sinch: 'Sinch', welkin: 'Welkin' };

export const SINCH_REGIONS = ['global', 'use1', 'eu1', 'sae1', 'apse1', 'apse2'] as const;

/** Non-secret Sinch settings: stored in SQLite. The key secret lives only in the keychain. */
export const SinchSettingsSchema = z.object({
  projectId: z.string().trim().min(1, 'Project ID is required').max(100),
  keyId: z.string().trim().min(1, 'Key ID is required').max(200),
  authMode: z.enum(['oauth2', 'basic']).default('oauth2'),
  region: z.enum(SINCH_REGIONS).default('global'),
  /** Overrides the API origin (emulators, proxies). Empty means the region's public host. */
  baseUrl: ServiceUrlSchema.optional(),
  /** Token endpoint origin; defaults to https://auth.sinch.com, or baseUrl when that is set. */
  authUrl: ServiceUrlSchema.optional(),
  serviceId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A service ID has only letters, digits, - and _').optional(),
  /** The number faxes come from; Sinch refuses a send from a number that is not E.164 or not the project's. */
  fromNumber: z.string().trim().regex(E164_PATTERN, 'Enter the from-number in international form, such as +12015550100').optional(),
});
export type SinchSettings = z.infer<typeof SinchSettingsSchema>;

export const WelkinSettingsSchema = z.object({
  tenant: z.string().trim().min(1, 'Tenant is required').max(100),
  instance: z.string().trim().min(1, 'Instance is required').max(100),
  apiClient: z.string().trim().min(1, 'API client is required').max(200),
  baseUrl: ServiceUrlSchema.default(WELKIN_DEFAULT_BASE_URL),
});
export type WelkinSettings = z.infer<typeof WelkinSettingsSchema>;

export const AccountSettingsSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('sinch'), sinch: SinchSettingsSchema }),
  z.object({ provider: z.literal('welkin'), welkin: WelkinSettingsSchema }),
]);
export type AccountSettings = z.infer<typeof AccountSettingsSchema>;

/** The settings that decide where requests (and the secret) go. */
export function addressFieldsOf(settings: AccountSettings): AddressFields {
  return settings.provider === 'sinch'
    ? { provider: 'sinch', region: settings.sinch.region, baseUrl: settings.sinch.baseUrl, authUrl: settings.sinch.authUrl }
    : { provider: 'welkin', baseUrl: settings.welkin.baseUrl };
}

export const AccountStatusSchema = z.enum(['connected', 'retrying', 'signed_out', 'unknown']);

/** What the account's provider accepts in one fax, checked before anything is uploaded. */
export const AccountLimitsSchema = z.object({
  maxFileBytes: z.number().int().positive().optional(),
  maxFiles: z.number().int().positive().optional(),
  maxTotalBytes: z.number().int().positive().optional(),
  /** Types the provider takes; anything else is sent as Faxdesk's PDF. */
  contentTypes: z.array(z.string()).optional(),
});
export type AccountLimits = z.infer<typeof AccountLimitsSchema>;

/** What the renderer may know about an account: never the secret, only whether one is stored. */
export const AccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  demo: z.boolean(),
  hasSecret: z.boolean(),
  status: AccountStatusSchema,
  statusMessage: z.string().optional(),
  /** When Faxdesk tries a retrying account again by itself. */
  nextCheckAt: z.string().optional(),
  settings: AccountSettingsSchema,
  capabilities: z.array(z.string()),
  limits: AccountLimitsSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountDraftSchema = z.object({
  name: plainText('The account name').trim().min(1, 'Give the account a name').max(80),
  settings: AccountSettingsSchema,
  /** Write-only: sent when adding or changing the secret, never returned. */
  secret: z.string().min(1).max(4096).optional(),
});
export type AccountDraft = z.infer<typeof AccountDraftSchema>;
