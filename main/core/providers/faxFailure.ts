import type { ProviderKind } from '../../../common/domain/account';
import type { FaxFailureCode } from '../../../common/errors';

/** Why a fax the provider took was not delivered, in the vocabulary. */
export interface FaxFailure {
  code: FaxFailureCode;
  provider: ProviderKind;
  /** The provider's own code and text ("CALL_ERROR 17 Busy", "Failed - Busy"): for logs only. */
  providerReason: string;
}

/**
 * Pages that reached the recipient decide the outcome whatever the provider calls it: a blind
 * retry would then duplicate them. A "partial" failure with nothing delivered was only a drop.
 */
export function faxFailure(code: FaxFailureCode, pagesSent: number | undefined, provider: ProviderKind, providerReason: string): FaxFailure {
  const settled = pagesSent !== undefined && pagesSent > 0 ? 'partial_delivery'
    : code === 'partial_delivery' && pagesSent === 0 ? 'call_dropped'
    : code;
  return { code: settled, provider, providerReason };
}
