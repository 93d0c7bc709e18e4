import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../shared/faults';
import { readJsonBody, readMultipart } from '../shared/httpKit';
import { forceComplete, statusOf, totalPages } from './lifecycle';
import { WELKIN_DEMO_CREDENTIALS } from './constants';
import type { WelkinState } from './routing';

/** What the control routes need from the app besides its state. */
export interface ControlHost {
  state: WelkinState;
  createInbound(input: { from: string; to: string; pages?: number; pdf?: { bytes: Buffer; name: string } }): Promise<unknown>;
  wire(faxId: string): unknown;
}

const CompleteSchema = z.object({
  outcome: z.enum(['SENT', 'FAILED']),
  failureReason: z.string().min(1).optional(),
  pages: z.number().int().min(0).optional(),
});
const LifecycleSchema = z.object({
  processingMs: z.number().int().min(0).optional(),
  defaultOutcome: z.enum(['SENT', 'FAILED']).optional(),
  defaultFailureReason: z.string().min(1).optional(),
});
const TokenTtlSchema = z.object({ seconds: z.number().int().min(1).max(7 * 24 * 3600) });
const AccessSchema = z.object({ faxAccess: z.boolean().optional(), enabled: z.boolean().optional() });
/** `POST /__emulator/faxes/{id}/complete`: ends a PROCESSING fax now. */
export type WelkinCompleteRequest = z.input<typeof CompleteSchema>;
export type WelkinLifecycleRequest = z.input<typeof LifecycleSchema>;
export type WelkinAccessRequest = z.input<typeof AccessSchema>;
export type WelkinAccessState = { faxAccess: boolean; enabled: boolean };
const IncomingFieldsSchema = z.object({
  senderFaxNumber: z.string().min(1),
  receiverFaxNumber: z.string().min(1).optional(),
  pages: z.coerce.number().int().positive().max(1000).optional(),
});

/**
 * Welkin-only control routes under `/__emulator` (reference §6, emulator-only). Answers with plain
 * JSON like the shared control API; returns false when the path is not one of these.
 */
export async function welkinControl(host: ControlHost, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname.replace(/^\/__emulator/, '');
  const { state } = host;
  const parse = async <T>(schema: z.ZodType<T>): Promise<T | undefined> => {
    const parsed = schema.safeParse((await readJsonBody(req, 1024 * 1024)) ?? {});
    if (parsed.success) return parsed.data;
    sendJson(res, 400, { error: 'Invalid control request', issues: parsed.error.issues });
    return undefined;
  };
  if (req.method !== 'POST') return false;

  const complete = /^(?:\/[^/]+\/[^/]+)?\/faxes\/([^/]+)\/complete$/.exec(path);
  if (complete?.[1]) {
    const body = await parse(CompleteSchema);
    if (!body) return true;
    const fax = state.faxes.get(complete[1]);
    const now = state.clock.now();
    if (!fax?.attempt) {
      sendJson(res, 404, { error: `No outgoing fax ${complete[1]} that was sent` });
    } else if (statusOf(fax, now) !== 'PROCESSING') {
      sendJson(res, 409, { error: `Fax is ${statusOf(fax, now)}, not PROCESSING` });
    } else {
      forceComplete(fax.attempt, now, body.outcome, body.failureReason, body.pages, totalPages(fax));
      sendJson(res, 200, host.wire(fax.id));
    }
    return true;
  }
  if (/^\/[^/]+\/[^/]+\/faxes\/incoming$/.test(path)) {
    const form = await readMultipart(req);
    const fields = IncomingFieldsSchema.safeParse(Object.fromEntries(form.fields));
    if (!fields.success) {
      sendJson(res, 400, { error: 'Invalid incoming fax', issues: fields.error.issues });
      return true;
    }
    const file = form.files[0];
    sendJson(res, 201, await host.createInbound({
      from: fields.data.senderFaxNumber,
      to: fields.data.receiverFaxNumber ?? state.faxNumber,
      pages: fields.data.pages,
      pdf: file ? { bytes: file.bytes, name: file.filename } : undefined,
    }));
    return true;
  }
  switch (path) {
    case '/expire-tokens':
      req.resume();
      state.tokens.expireAll();
      sendJson(res, 200, { expired: true });
      return true;
    case '/token-ttl': {
      const body = await parse(TokenTtlSchema);
      if (body) {
        state.tokens.ttlSeconds = body.seconds;
        sendJson(res, 200, { ttlSeconds: body.seconds });
      }
      return true;
    }
    case '/lifecycle': {
      const body = await parse(LifecycleSchema);
      if (body) {
        Object.assign(state.settings, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)));
        sendJson(res, 200, state.settings);
      }
      return true;
    }
    case '/access': {
      const body = await parse(AccessSchema);
      const client = state.tokens.findClient(state.tenantName, WELKIN_DEMO_CREDENTIALS.apiClientName);
      if (body && client) {
        client.faxAccess = body.faxAccess ?? client.faxAccess;
        client.enabled = body.enabled ?? client.enabled;
        const access: WelkinAccessState = { faxAccess: client.faxAccess, enabled: client.enabled };
        sendJson(res, 200, access);
      }
      return true;
    }
    default:
      return false;
  }
}
