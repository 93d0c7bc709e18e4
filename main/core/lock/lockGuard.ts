import { errorInfo } from '../../../common/errors';
import type { EventName, InvokeChannel } from '../../../common/ipc/contract';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventListener } from '../events';

/**
 * What the window may ask while Faxdesk is locked: the lock's own channels, the version, and the
 * settings (no PHI in them). Everything else — every channel that answers with fax data — is refused.
 */
export const OPEN_WHILE_LOCKED: ReadonlySet<InvokeChannel> = new Set<InvokeChannel>([
  'app.info', 'settings.get', 'lock.state', 'lock.lock', 'lock.unlock', 'lock.activity',
]);

/** The one event the window hears while locked; the rest carry or point at fax data and are dropped (the window reloads on unlock). */
export const SENT_WHILE_LOCKED: ReadonlySet<EventName> = new Set<EventName>(['lock.changed']);

/** The window's dispatch: the core's, refusing with `locked` what is not open while locked. */
export function guardWhileLocked(dispatch: Dispatch, isLocked: () => boolean): Dispatch {
  return async (channel, input) => {
    if (isLocked() && !OPEN_WHILE_LOCKED.has(channel as InvokeChannel)) return { ok: false, error: errorInfo('locked') };
    return dispatch(channel, input);
  };
}

/** The window's events: the core's, less those not sent while locked (checked as each is sent). */
export function windowEvents(subscribe: (listener: EventListener) => () => void, isLocked: () => boolean) {
  return {
    subscribe(listener: EventListener): () => void {
      return subscribe((event, payload) => {
        if (isLocked() && !SENT_WHILE_LOCKED.has(event)) return;
        listener(event, payload);
      });
    },
  };
}
