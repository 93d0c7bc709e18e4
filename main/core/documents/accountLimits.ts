import type { AccountLimits } from '../../../common/domain/account';
import { AppError } from '../../../common/ipc/result';

export interface OutgoingFile {
  name: string;
  contentType: string;
  sizeBytes: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Checks the files of a fax against what the account's provider accepts, before anything is
 * persisted or uploaded: one clear refusal that names the file and says what to do.
 */
export function checkAccountLimits(files: readonly OutgoingFile[], limits: AccountLimits, service: string): void {
  for (const file of files) {
    if (limits.maxFileBytes !== undefined && file.sizeBytes > limits.maxFileBytes) {
      throw AppError.of('files_too_large', `${file.name} is ${mb(file.sizeBytes)}; ${service} accepts files up to ${mb(limits.maxFileBytes).replace('.0', '')}.`, {
        nextStep: 'Split it into smaller files, or remove pages, then send again.',
      });
    }
    if (limits.contentTypes && !limits.contentTypes.includes(file.contentType)) {
      throw AppError.of('unsupported_file', `${service} does not accept ${file.name} as it is.`, { nextStep: 'Save it as a PDF and add that instead.' });
    }
  }
  if (limits.maxFiles !== undefined && files.length > limits.maxFiles) {
    throw AppError.of('too_many_files', `This fax would upload ${files.length} files; ${service} accepts at most ${limits.maxFiles}.`, {
      nextStep: 'Combine documents into fewer files, or send them as two faxes.',
    });
  }
  const total = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  if (limits.maxTotalBytes !== undefined && total > limits.maxTotalBytes) {
    throw AppError.of('files_too_large', `This fax's files add up to ${mb(total)}; ${service} accepts at most ${mb(limits.maxTotalBytes).replace('.0', '')} per fax.`, {
      nextStep: 'Remove pages or documents, or send them as two faxes.',
    });
  }
}
