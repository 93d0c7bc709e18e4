import type { FaxError } from '../../../common/domain/fax';
import { AppError } from '../../../common/ipc/result';
import { ProviderError } from '../providers/providerError';

/** Turns whatever went wrong into words a front-desk person can act on. */
export function describeSendFailure(error: unknown): FaxError {
  if (error instanceof ProviderError) {
    switch (error.code) {
      case 'unauthorized':
        return { code: error.code, message: `The provider refused the account's credentials. ${error.message}`, nextStep: 'Open Settings, check the account, then retry.', retryable: true };
      case 'rate_limited':
        return { code: error.code, message: 'The provider is limiting how fast faxes can be sent.', nextStep: 'Retry in a minute.', retryable: true };
      case 'provider_unavailable':
        return { code: error.code, message: `The fax service had a problem and did not take the fax. ${error.message}`, nextStep: 'Retry now, or in a few minutes.', retryable: true };
      case 'network':
        return { code: error.code, message: `Could not reach the fax service. ${error.message}`, nextStep: 'Check the internet connection, then retry.', retryable: true };
      case 'invalid_input':
        return { code: error.code, message: `The fax service refused this fax: ${error.message}`, nextStep: 'Check the number and documents, then send a new fax.', retryable: false };
      case 'not_found':
        return { code: error.code, message: `The fax service could not find what it needed: ${error.message}`, nextStep: 'Check the account settings.', retryable: false };
    }
  }
  if (error instanceof AppError) {
    return { code: error.info.code, message: error.info.message, nextStep: error.info.nextStep, retryable: error.info.retryable ?? true };
  }
  return { code: 'internal', message: 'Something went wrong while sending.', nextStep: 'Retry. If it keeps failing, restart Faxdesk.', retryable: true };
}

export const UNCERTAIN_ERROR: FaxError = {
  code: 'uncertain',
  message: 'The connection broke after the fax was handed over, and the service does not show it yet. It may or may not have been sent.',
  nextStep: 'Check with the recipient before sending it again.',
  retryable: false,
};

export const INTERRUPTED_ERROR: FaxError = {
  code: 'interrupted',
  message: 'Faxdesk stopped before the fax service received this fax. It was not sent.',
  nextStep: 'Retry to send it now.',
  retryable: true,
};
