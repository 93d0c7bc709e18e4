import type { ErrorInfo } from '../../common/errors';
import type { InboxFax } from '../../common/domain/inbox';
import type { CoreHarness } from './coreKit';
import { pollOnce, waitForInbox } from './inboxKit';

/** Calls a channel and answers its value; a refusal fails the test with its error. */
export async function call<T>(h: CoreHarness, channel: string, input: unknown = {}): Promise<T> {
  const result = await h.core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Calls a channel that must refuse, and answers what a person reads. */
export async function refusal(h: CoreHarness, channel: string, input: unknown = {}): Promise<ErrorInfo> {
  const result = await h.core.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} was expected to refuse, and answered ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Polls the account and answers its faxes once `count` have their documents settled, keyed by provider id. */
export async function syncedFaxes(h: CoreHarness, accountId: string, count: number): Promise<Map<string, InboxFax>> {
  await pollOnce(h, accountId);
  const rows = await waitForInbox(h, accountId, count);
  return new Map(rows.map((row) => [row.providerId, row]));
}
