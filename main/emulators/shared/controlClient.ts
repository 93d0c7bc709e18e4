import type { ClockRequest, ClockState, InboundRequest, RequestCounts } from './emulatorServer';
import type { FaultConfig, FaultRequest } from './faults';

/** What a control route answered: its status and its body (JSON when it parses, else text). */
export interface ControlReply {
  status: number;
  body: unknown;
}

export class EmulatorControlError extends Error {
  constructor(readonly status: number, readonly body: unknown, route: string) {
    super(`emulator control ${route}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'EmulatorControlError';
  }
}

/**
 * Client for the control API both emulators answer under `/__emulator` (DESIGN §3), typed by the
 * emulators' own schemas: for tests, benchmarks and the Demo set-up. `Fax` is one entry of the
 * emulator's `/faxes` dump, `Received` what `/inbound` answers. The typed calls throw
 * `EmulatorControlError` on a refusal; `request` hands back any answer, for tests of the routes.
 */
export class EmulatorControlClient<Fax, Received> {
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown): Promise<ControlReply> {
    const init: RequestInit = { method };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.url}/__emulator${path}`, init);
    const text = await response.text();
    return { status: response.status, body: parseJsonOrText(text) };
  }

  protected async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request(method, path, body);
    if (reply.status < 200 || reply.status > 299) throw new EmulatorControlError(reply.status, reply.body, `${method} ${path}`);
    return reply.body as T;
  }

  /** Injects faults into API routes until switched off (`rate` 0), reset, or `count` is spent. */
  async faults(request: FaultRequest): Promise<FaultConfig> {
    return (await this.call<{ faults: FaultConfig }>('POST', '/faults', request)).faults;
  }

  async clearFaults(): Promise<void> {
    await this.faults({ rate: 0 });
  }

  clock(request: ClockRequest): Promise<ClockState> {
    return this.call('POST', '/clock', request);
  }

  /** Moves virtual time so faxes in flight finish now. */
  advance(ms: number): Promise<ClockState> {
    return this.clock({ advanceMs: ms });
  }

  /** Forgets every fax and option and switches faults off; the clock keeps its speed. */
  async reset(): Promise<void> {
    await this.call('POST', '/reset', {});
  }

  /** Creates a received fax, answered in the provider's wire form. */
  inbound(request: InboundRequest): Promise<Received> {
    return this.call('POST', '/inbound', request);
  }

  /** API requests answered since the last reset, by `METHOD /path`. */
  requests(): Promise<RequestCounts> {
    return this.call('GET', '/requests');
  }

  async resetRequests(): Promise<void> {
    await this.call('POST', '/requests/reset', {});
  }

  /** Every fax the emulator holds, drafts included (for counting duplicates and leftovers). */
  async faxes(): Promise<Fax[]> {
    return (await this.call<{ faxes: Fax[] }>('GET', '/faxes')).faxes;
  }
}

function parseJsonOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
