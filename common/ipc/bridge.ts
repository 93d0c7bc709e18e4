import type { Result } from './result';
import {
  EVENT_NAMES, INVOKE_CHANNELS,
  type EventName, type InputOf, type InvokeChannel, type OutputOf, type PayloadOf,
} from './contract';

/** What the transports need of a file the person chose or dropped (the browser's File). */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** How a bridge reaches the core: ipcRenderer in Electron, HTTP + SSE in the dev/test bridge. */
export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * Hands a chosen file to the core without reading it into the page where it can: by its path
   * (Electron's webUtils) or streamed (the dev bridge). Answers like `documents.add`.
   */
  addFile(file: ChosenFile): Promise<unknown>;
  /** Where the page reads a document's content: what is sent (a same-origin URL). */
  documentUrl(id: string): string;
  /**
   * Prints the window as it is now (only the print container reaches the paper): the system print
   * dialog through the shell in Electron, the browser's print in the dev bridge. `printed` is false
   * when the person cancelled.
   */
  print(jobName: string): Promise<unknown>;
  /**
   * A received fax is being dragged out of the window: Electron starts the OS drag of a copy with
   * the fax's clean name and answers true; the dev bridge answers false (the page then offers the
   * browser's own download drag).
   */
  dragOut(faxId: string): boolean;
}

/** The print answer: cancelled is not a failure. */
export interface PrintOutcome { printed: boolean }

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type VerbsOf<D extends string> = {
  [C in InvokeChannel as C extends `${D}.${infer V}` ? V : never]:
    (...args: {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]) => Promise<Result<OutputOf<C>>>;
};

/** `window.faxdesk`: `faxdesk.fax.send({...})`, `faxdesk.on('outbox.jobChanged', cb)`. */
export type FaxdeskApi = { [D in DomainOf<InvokeChannel>]: VerbsOf<D> } & {
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  files: {
    /** Adds a file the person chose or dropped; the core normalises it. */
    add(file: ChosenFile): Promise<Result<OutputOf<'documents.add'>>>;
    /** The URL of a document's content (what is sent), for the preview. */
    url(id: string): string;
    /** Prints what the print container holds (see BridgeTransport.print). */
    print(jobName: string): Promise<Result<PrintOutcome>>;
    /** Starts dragging a received fax out as a file (see BridgeTransport.dragOut). */
    dragOut(faxId: string): boolean;
  };
};

/** Pure: builds the API object from the contract's channel names. Used by preload and the web bridge. */
export function createBridge(transport: BridgeTransport): FaxdeskApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [domain, verb] = channel.split('.') as [string, string];
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[verb] = (input?: unknown) => transport.invoke(channel, input ?? {}) as Promise<Result<unknown>>;
  }
  const events = new Set<string>(EVENT_NAMES);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    return transport.subscribe(event, listener);
  };
  api.files = Object.freeze({
    add: (file: ChosenFile) => transport.addFile(file) as Promise<Result<unknown>>,
    url: (id: string) => transport.documentUrl(id),
    print: (jobName: string) => transport.print(jobName) as Promise<Result<PrintOutcome>>,
    dragOut: (faxId: string) => transport.dragOut(faxId),
  });
  return Object.freeze(api) as unknown as FaxdeskApi;
}
