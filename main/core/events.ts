import type { EventName, PayloadOf } from '../../common/ipc/contract';

export type EventListener = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

/** The core's outgoing events. Shell forwards them to the window, the harness to SSE clients. */
export class CoreEvents {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
