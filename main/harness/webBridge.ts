import { errorInfo } from '../../common/errors';
import { createBridge, type BridgeTransport } from '../../common/ipc/bridge';
import { parseWire, stringifyWire } from '../../common/ipc/wireJson';

/**
 * Browser half of the dev/test bridge: installs `window.faxdesk` over HTTP + SSE, exactly the
 * API the Electron preload exposes. Loaded by the harness before the renderer's own script.
 */
const token = document.querySelector<HTMLMetaElement>('meta[name="faxdesk-bridge-token"]')?.content ?? '';
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let source: EventSource | undefined;

function ensureEvents(event: string): void {
  source ??= new EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`);
  if (listeners.has(event)) return;
  listeners.set(event, new Set());
  source.addEventListener(event, (message) => {
    const payload = parseWire((message as MessageEvent<string>).data);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}

const transport: BridgeTransport = {
  async invoke(channel, input) {
    try {
      const response = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Faxdesk-Token': token },
        body: stringifyWire(input),
      });
      return parseWire(await response.text());
    } catch {
      return { ok: false, error: errorInfo('network', { message: 'Faxdesk’s core is not answering (dev bridge).' }) };
    }
  },
  subscribe(event, listener) {
    ensureEvents(event);
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  },
  // Streamed as the request body, never read whole into the page or wrapped in JSON.
  async addFile(file) {
    try {
      const response = await fetch(`/__bridge/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Faxdesk-Token': token },
        body: file as unknown as Blob,
      });
      return parseWire(await response.text());
    } catch {
      return { ok: false, error: errorInfo('network', { message: 'Faxdesk’s core is not answering (dev bridge).' }) };
    }
  },
  documentUrl: (id) => `/__bridge/documents/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
  dragOut: () => false,
  // The browser's own print dialog (it cannot say whether the person cancelled).
  async print(jobName) {
    const before = document.title;
    document.title = jobName;
    try {
      window.print();
    } finally {
      document.title = before;
    }
    return { ok: true, value: { printed: true } };
  },
};

Object.defineProperty(window, 'faxdesk', { value: createBridge(transport), writable: false, configurable: false });
