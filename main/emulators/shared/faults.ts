import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export const FaultKindSchema = z.enum(['500', '429', 'timeout', 'reset', 'malformed']);
export type FaultKind = z.infer<typeof FaultKindSchema>;

export const FaultConfigSchema = z.object({
  /** Probability 0..1 that a matching request gets a fault. 0 switches faults off. */
  rate: z.number().min(0).max(1),
  kinds: z.array(FaultKindSchema).min(1).default(['500']),
  /** A regular expression matched against the path (without query). Absent matches every API path. */
  pathPattern: z.string().optional(),
  /** HTTP method to match (e.g. "POST"); absent matches all. */
  method: z.string().optional(),
  /** Stop after this many injected faults (deterministic tests use rate 1 + count). */
  count: z.number().int().positive().optional(),
  /** Retry-After seconds sent with injected 429s. */
  retryAfterSeconds: z.number().min(0).default(1),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;
/** What `POST /__emulator/faults` accepts: the config before its defaults are filled in. */
export type FaultRequest = z.input<typeof FaultConfigSchema>;

export interface FaultBodies {
  /** The provider's own error body for a status (Sinch envelope, Welkin error array). */
  errorBody(status: number, message: string): unknown;
}

/**
 * Fault injection for the emulators' API routes (never the control API). Decides per request and,
 * when a fault fires, answers in its place. Returns true when the request was handled here.
 */
export class FaultInjector {
  private config: FaultConfig | undefined;
  private pattern: RegExp | undefined;
  private injected = 0;

  constructor(private readonly bodies: FaultBodies, private readonly random: () => number = Math.random) {}

  configure(config: FaultConfig | undefined): void {
    this.config = config && config.rate > 0 ? config : undefined;
    this.pattern = config?.pathPattern ? new RegExp(config.pathPattern) : undefined;
    this.injected = 0;
  }

  get injectedCount(): number {
    return this.injected;
  }

  maybeInject(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const config = this.config;
    if (!config) return false;
    if (config.count !== undefined && this.injected >= config.count) return false;
    if (config.method && config.method.toUpperCase() !== req.method) return false;
    if (this.pattern && !this.pattern.test(path)) return false;
    if (this.random() >= config.rate) return false;
    const kind = config.kinds[Math.floor(this.random() * config.kinds.length)] ?? '500';
    this.injected++;
    // Faults act before the request is processed: nothing was created, as with a failing front door.
    req.resume();
    switch (kind) {
      case '500':
        sendJson(res, 500, this.bodies.errorBody(500, 'Injected internal error'));
        return true;
      case '429':
        res.setHeader('Retry-After', String(config.retryAfterSeconds));
        sendJson(res, 429, this.bodies.errorBody(429, 'Too many requests'));
        return true;
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"faxes": [ {"id": "01BROKEN');
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'timeout': {
        // Hold the request without answering; the client's timeout decides. Freed after 2 minutes.
        const timer = setTimeout(() => req.socket.destroy(), 120_000);
        req.socket.once('close', () => clearTimeout(timer));
        return true;
      }
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
