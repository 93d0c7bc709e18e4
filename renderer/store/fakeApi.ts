import { errorInfo } from '../../common/errors';
import { createBridge } from '../../common/ipc/bridge';
import type { Result } from '../../common/ipc/result';

/** For unit tests: answers a channel from its input (sync or async). */
export type Handler = (input: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>;

/**
 * A fake core behind the real bridge shape, for the store's unit tests: records every call and
 * answers from a table; `files.add` answers through the `documents.add` handler with the file's name.
 */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: Array<{ channel: string; input: unknown }> = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = createBridge({
    async invoke(channel, input) {
      calls.push({ channel, input });
      const h = handlers[channel];
      return h ? h(input as Record<string, unknown>) : { ok: false, error: errorInfo('internal', { message: `no ${channel}` }) };
    },
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    async addFile(file) {
      calls.push({ channel: 'files.add', input: file.name });
      const h = handlers['documents.add'];
      return h ? h({ name: file.name, size: file.size }) : { ok: false, error: errorInfo('internal', { message: 'no documents.add' }) };
    },
    documentUrl: (id) => `/documents/${id}`,
    dragOut: (faxId) => {
      calls.push({ channel: 'files.dragOut', input: faxId });
      return false;
    },
    print: async (jobName) => {
      calls.push({ channel: 'files.print', input: jobName });
      return { ok: true, value: { printed: true } };
    },
  });
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const callsTo = (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);
  return { api, calls, callsTo, emit };
}
