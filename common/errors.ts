import { z } from 'zod';

/**
 * The one error vocabulary: every failure Faxdesk can report has one of these codes, and each code
 * has the words a person reads, the next step, and the action that fixes it. Providers' own codes
 * and texts ("Failed - Busy", CALL_ERROR/17) are mapped onto these once and never reach the screen.
 */
export const TRANSPORT_ERROR_CODES = [
  'unauthorized', 'permission_denied', 'rate_limited', 'provider_unavailable', 'not_found', 'invalid_input', 'network',
] as const;
export const APP_ERROR_CODES = [
  'unsupported_file', 'too_many_files', 'files_too_large', 'conflict', 'forbidden_sender', 'internal',
  'uncertain', 'interrupted', 'possible_duplicate', 'pages_may_have_arrived', 'locked',
] as const;
/** Outcomes of a fax the provider took and then could not deliver (Sinch §11.3, Welkin/Notifyre reasons). */
export const FAX_FAILURE_CODES = [
  'line_busy', 'no_answer', 'not_a_fax_machine', 'number_not_in_service', 'number_not_permitted', 'call_dropped',
  'fax_protocol_error', 'incompatible_machine', 'partial_delivery', 'document_conversion', 'insufficient_funds',
  'fax_service_error', 'cancelled', 'fax_failed',
] as const;

export const ErrorCodeSchema = z.enum([...TRANSPORT_ERROR_CODES, ...APP_ERROR_CODES, ...FAX_FAILURE_CODES]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type FaxFailureCode = (typeof FAX_FAILURE_CODES)[number];

/** What the screen offers as the way out; each kind is one button (or none). */
export const ErrorActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('retry'), afterMs: z.number().int().nonnegative().optional() }),
  /** Pages may have arrived: ask the recipient first; sending again needs a confirmation. */
  z.object({ kind: z.literal('check_with_recipient') }),
  z.object({ kind: z.literal('open_account_settings'), accountId: z.string().min(1) }),
  z.object({ kind: z.literal('open_settings') }),
  z.object({ kind: z.literal('choose_other_files') }),
  /** The number is wrong: a new fax to the right number. */
  z.object({ kind: z.literal('new_fax') }),
  z.object({ kind: z.literal('none') }),
]);
export type ErrorAction = z.infer<typeof ErrorActionSchema>;
type ActionKind = ErrorAction['kind'];

/** What a person reads about a failure: IPC errors and stored fax errors alike. */
export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string().min(1),
  nextStep: z.string().min(1),
  /** Trying the same thing again, unchanged, may succeed. */
  retryable: z.boolean(),
  action: ErrorActionSchema,
  /** Field-level problems for forms: path → message. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** What the words may mention; never names, numbers or document titles. */
export interface WordParams {
  /** Display name of the provider, e.g. "Sinch"; "the fax service" when unknown. */
  service?: string;
  /** What was being done: "the fax" in the outbox, "the request" elsewhere. */
  target?: string;
  pagesSent?: number;
  pages?: number;
  retryAfterMs?: number;
}

interface Filled { service: string; Service: string; target: string; pagesSent?: number; pages?: number; retryAfterMs?: number }
interface Words {
  message: (p: Filled) => string;
  nextStep: (p: Filled) => string;
  action: ActionKind;
  retryable: boolean;
}

const words = (message: Words['message'] | string, nextStep: Words['nextStep'] | string, action: ActionKind, retryable: boolean): Words => ({
  message: typeof message === 'string' ? () => message : message,
  nextStep: typeof nextStep === 'string' ? () => nextStep : nextStep,
  action,
  retryable,
});

const pageCount = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

function waitWords(ms: number | undefined): string {
  if (ms === undefined || ms < 1_000) return 'Wait a minute, then retry.';
  const seconds = Math.ceil(ms / 1_000);
  return seconds < 120 ? `Retry in ${seconds} seconds.` : `Retry in ${Math.ceil(seconds / 60)} minutes.`;
}

function partialWords({ pagesSent, pages }: Filled): string {
  if (pagesSent === undefined) return 'Some pages reached the recipient before the call ended.';
  if (pages !== undefined && pages > pagesSent) return `Only ${pagesSent} of ${pages} pages reached the recipient before the call ended.`;
  return `Only ${pageCount(pagesSent)} reached the recipient before the call ended.`;
}

const CHECK_NUMBER = 'Check the fax number with the recipient, then send a new fax to the right number.';
const CHOOSE_FILES = 'Choose other files: open the document, print it to a new PDF, and send that.';

/** The words table: one entry per code. Codes whose retry cannot help never advise a retry. */
const WORDS: Record<ErrorCode, Words> = {
  unauthorized: words((p) => `${p.Service} did not accept this account’s sign-in details.`,
    'Open the account’s settings, check the ID and secret, then retry.', 'open_account_settings', false),
  permission_denied: words((p) => `${p.Service} did not allow this account to do that.`,
    (p) => `Check the account’s settings. If they are right, ask the administrator at ${p.service} to allow faxing for it.`, 'open_account_settings', false),
  rate_limited: words((p) => `${p.Service} is limiting how fast Faxdesk can send.`, (p) => waitWords(p.retryAfterMs), 'retry', true),
  provider_unavailable: words((p) => `${p.Service} had a problem on its side and did not take ${p.target}.`,
    'Retry now, or in a few minutes.', 'retry', true),
  not_found: words((p) => `${p.Service} could not find the account or fax this needed.`,
    'Check the account’s settings, then retry.', 'open_account_settings', false),
  invalid_input: words((p) => `${p.Service} refused ${p.target}: some details are missing or not in the right form.`,
    'Correct the details, then try again.', 'none', false),
  network: words((p) => `Faxdesk could not reach ${p.service}.`, 'Check the internet connection, then retry.', 'retry', true),
  unsupported_file: words('This file cannot be faxed.', CHOOSE_FILES, 'choose_other_files', false),
  too_many_files: words((p) => `This fax has more files than ${p.service} accepts.`,
    'Combine the documents into fewer files, then send them as a new fax.', 'choose_other_files', false),
  files_too_large: words((p) => `The files are larger than ${p.service} accepts.`,
    'Send fewer or smaller files, or split the document.', 'choose_other_files', false),
  conflict: words('That cannot be done while the fax is in this state.', 'Check the fax’s status first.', 'none', false),
  possible_duplicate: words('These pages were already sent to this number today.',
    'Send them again only if the recipient needs them twice.', 'none', false),
  pages_may_have_arrived: words('Some or all pages may already have reached the recipient.',
    'Check with the recipient first, then confirm to send again.', 'check_with_recipient', false),
  forbidden_sender: words('Faxdesk refused a request that did not come from its own window.', 'Restart Faxdesk.', 'none', false),
  locked: words('Faxdesk is locked.', 'Unlock it with the PIN to see faxes again.', 'none', false),
  internal: words('Something went wrong inside Faxdesk. The problem was logged.',
    'Retry. If it keeps failing, restart Faxdesk.', 'retry', true),
  uncertain: words((p) => `The connection broke after the fax was handed over, and ${p.service} does not show it yet. Some or all pages may already have arrived.`,
    'Check with the recipient before sending it again.', 'check_with_recipient', false),
  interrupted: words((p) => `Faxdesk stopped before ${p.service} received this fax. It was not sent.`,
    'Retry to send it now.', 'retry', true),
  line_busy: words('The line was busy.', 'Retry in a few minutes.', 'retry', true),
  no_answer: words('No fax machine answered.',
    'Check with the recipient that their fax machine is on and has paper, then retry.', 'retry', true),
  not_a_fax_machine: words('The number answered, but not as a fax machine. It may be a phone line.', CHECK_NUMBER, 'new_fax', false),
  number_not_in_service: words('The fax number is not in service.', CHECK_NUMBER, 'new_fax', false),
  number_not_permitted: words((p) => `${p.Service} does not allow faxes to this number.`,
    (p) => `Ask the administrator at ${p.service} whether it can be allowed, or send a new fax to another number.`, 'new_fax', false),
  call_dropped: words('The call dropped before the fax went through.',
    'Retry. If it keeps dropping, check the number with the recipient.', 'retry', true),
  fax_protocol_error: words('The fax machines could not complete the transfer.',
    'Retry. If it fails again, ask the recipient to check their fax machine.', 'retry', true),
  incompatible_machine: words('The receiving fax machine cannot take this fax.',
    'Ask the recipient to check their fax machine, or for another fax number, and send a new fax.', 'new_fax', false),
  partial_delivery: words(partialWords,
    'Ask the recipient which pages arrived. Send the missing pages as a new fax, or send it all again only if they ask.',
    'check_with_recipient', false),
  document_conversion: words((p) => `${p.Service} could not turn the document into a fax.`, CHOOSE_FILES, 'choose_other_files', false),
  insufficient_funds: words((p) => `The account at ${p.service} has run out of funds.`,
    (p) => `Add funds or update the payment details at ${p.service}, then retry.`, 'retry', false),
  fax_service_error: words((p) => `${p.Service} could not send the fax because of a problem on its side.`,
    (p) => `Retry. If it keeps failing, ask ${p.service} for help.`, 'retry', true),
  cancelled: words('The fax was cancelled before it went out.', 'Retry if it is still needed.', 'retry', true),
  fax_failed: words((p) => `${p.Service} could not deliver the fax and gave no reason Faxdesk knows.`,
    'Retry. If it fails again, check the number with the recipient.', 'retry', true),
};

export interface ErrorInfoOptions extends WordParams {
  /** Faxdesk's own, more specific words (a file name, a limit); never a provider's text. */
  message?: string;
  nextStep?: string;
  retryable?: boolean;
  action?: ErrorAction;
  fields?: Record<string, string>;
  /** Fills the account into an `open_account_settings` action; without it the action opens Settings. */
  accountId?: string;
}

function actionFor(kind: ActionKind, options: ErrorInfoOptions): ErrorAction {
  switch (kind) {
    case 'open_account_settings':
      return options.accountId ? { kind, accountId: options.accountId } : { kind: 'open_settings' };
    case 'retry':
      return options.retryAfterMs !== undefined ? { kind, afterMs: options.retryAfterMs } : { kind };
    default:
      return { kind };
  }
}

/** The words, next step, retryability and action for `code`, with Faxdesk's own overrides. */
export function errorInfo(code: ErrorCode, options: ErrorInfoOptions = {}): ErrorInfo {
  const entry = WORDS[code];
  const service = options.service ?? 'the fax service';
  const filled: Filled = {
    service, Service: service.charAt(0).toUpperCase() + service.slice(1), target: options.target ?? 'the request',
    pagesSent: options.pagesSent, pages: options.pages, retryAfterMs: options.retryAfterMs,
  };
  return {
    code,
    message: options.message ?? entry.message(filled),
    nextStep: options.nextStep ?? entry.nextStep(filled),
    retryable: options.retryable ?? entry.retryable,
    action: options.action ?? actionFor(entry.action, options),
    ...(options.fields ? { fields: options.fields } : {}),
  };
}

/** Points a generic "open Settings" at the account it is about, once that is known. */
export function withAccount(info: ErrorInfo, accountId: string | undefined): ErrorInfo {
  return info.action.kind === 'open_settings' && accountId ? { ...info, action: { kind: 'open_account_settings', accountId } } : info;
}
