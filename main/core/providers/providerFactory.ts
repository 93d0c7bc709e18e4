import type { AccountLimits, AccountSettings, ProviderKind } from '../../../common/domain/account';
import type { ProviderFactory } from '../accounts/accounts';
import type { FullFaxProvider } from './faxProvider';
import { SINCH_MAX_FILE_BYTES } from './sinch/sinchSendInput';
import { SINCH_CAPABILITIES, SinchProvider } from './sinch/sinchProvider';
import { WELKIN_FILE_TYPES, WELKIN_MAX_FILES, WELKIN_MAX_TOTAL_BYTES } from './welkin/welkinUpload';
import { WELKIN_CAPABILITIES, WelkinProvider } from './welkin/welkinProvider';

const CAPABILITIES: Record<ProviderKind, ReadonlySet<string>> = { sinch: SINCH_CAPABILITIES, welkin: WELKIN_CAPABILITIES };

/** What each provider accepts in one fax (its documented limits, checked again when uploading). */
const LIMITS: Record<ProviderKind, AccountLimits> = {
  sinch: { maxFileBytes: SINCH_MAX_FILE_BYTES },
  welkin: { maxFiles: WELKIN_MAX_FILES, maxTotalBytes: WELKIN_MAX_TOTAL_BYTES, contentTypes: [...new Set(Object.values(WELKIN_FILE_TYPES))] },
};

/** Builds the provider for an account's settings and secret. */
export const defaultProviderFactory: ProviderFactory = {
  create(settings: AccountSettings, secret: string): FullFaxProvider {
    return settings.provider === 'sinch'
      ? new SinchProvider({ settings: settings.sinch, secret })
      : new WelkinProvider({ settings: settings.welkin, secret });
  },
  capabilitiesOf: (provider) => [...CAPABILITIES[provider]],
  limitsOf: (provider) => LIMITS[provider],
};
