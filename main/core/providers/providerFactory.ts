import type { AccountSettings, ProviderKind } from '../../../common/domain/account';
import type { ProviderFactory } from '../accounts/accounts';
import type { FullFaxProvider } from './faxProvider';
import { SINCH_CAPABILITIES, SinchProvider } from './sinch/sinchProvider';
import { WELKIN_CAPABILITIES, WelkinProvider } from './welkin/welkinProvider';

const CAPABILITIES: Record<ProviderKind, ReadonlySet<string>> = { sinch: SINCH_CAPABILITIES, welkin: WELKIN_CAPABILITIES };

/** Builds the provider for an account's settings and secret. */
export const defaultProviderFactory: ProviderFactory = {
  create(settings: AccountSettings, secret: string): FullFaxProvider {
    return settings.provider === 'sinch'
      ? new SinchProvider({ settings: settings.sinch, secret })
      : new WelkinProvider({ settings: settings.welkin, secret });
  },
  capabilitiesOf: (provider) => [...CAPABILITIES[provider]],
};
