import type { Account } from '../../common/domain/account';

export const ACCOUNT_STATUS_TEXT: Record<Account['status'], string> = {
  connected: 'Connected',
  retrying: 'Retrying',
  signed_out: 'Signed out',
  unknown: 'Not checked yet',
};

export const providerLabel = (a: Account) => (a.settings.provider === 'sinch' ? 'Sinch' : 'Welkin');
