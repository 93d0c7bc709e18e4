import { createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorInfo, type ErrorCode } from '../../common/errors';
import { releaseGarbage } from '../core/workers/releaseGarbage';

/** Request bodies on the dev bridge: read with a cap, never held beyond it. */
const LINGER_MS = 1_000;

export type BodyOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'too_large' | 'aborted' };

/** What the client said it will send; NaN when it did not say (chunked). */
export function declaredLength(req: IncomingMessage): number {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : Number.NaN;
}

/** The whole body in memory, for JSON calls; stops listening (nothing more is kept) past `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome<Buffer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (outcome: BodyOutcome<Buffer>) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      chunks.length = outcome.ok ? chunks.length : 0;
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, value: Buffer.concat(chunks) });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}

/**
 * Streams the body into a new file (backpressure from the disk pauses the socket); past `limit`
 * it stops, and the caller removes the partial file. Never pipes `req` into anything that would
 * destroy it on error: the socket must stay open to carry the refusal.
 */
const COLLECT_EVERY = 1024 * 1024;

export function bodyToFile(req: IncomingMessage, path: string, limit: number): Promise<BodyOutcome<number>> {
  return new Promise((resolve) => {
    const file = createWriteStream(path, { flags: 'wx' });
    let total = 0;
    let settled = false;
    const finish = (outcome: BodyOutcome<number>) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      req.resume();
      // Resolve only once the file is closed, so the caller can remove it or hand it on.
      if (file.closed) return resolve(outcome);
      file.once('close', () => resolve(outcome));
      if (outcome.ok) file.end();
      else file.destroy();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return finish({ ok: false, reason: 'too_large' });
      // The socket's spent buffers are let go every MiB or so, not once 64 MB of them have piled up.
      if (Math.floor(total / COLLECT_EVERY) !== Math.floor((total - chunk.length) / COLLECT_EVERY)) releaseGarbage();
      if (!file.write(chunk)) {
        req.pause();
        file.once('drain', () => req.resume());
      }
    };
    const onEnd = () => finish({ ok: true, value: total });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    file.on('error', onAbort);
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
  /** The body was not (fully) read: close the connection after the answer instead of reading on. */
  close?: boolean;
}

/** Every refusal is a JSON result envelope, as an invoke answers, so the page reads it the same way. */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ ok: false, error: errorInfo(refusal.code, { message: refusal.message }) });
  if (refusal.close) lingerOnClose(req);
  res.writeHead(refusal.status, {
    'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff', ...(refusal.close ? { Connection: 'close' } : {}), ...refusal.headers,
  });
  res.end(body);
}

/**
 * Node ends a `Connection: close` socket right after the answer is written. With body bytes still
 * unread, that close sends a reset which can reach the client before it has read the answer, so
 * the client sees "connection reset" instead of the refusal. Here the socket half-closes at once
 * (the client learns nothing more is coming) and is destroyed a moment later; meanwhile Node
 * discards what still arrives, keeping none of it.
 */
function lingerOnClose(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage['socket'] & { destroySoon?: () => void };
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

export const lengthRequired = (what: string): Refusal => ({
  status: 411, code: 'invalid_input', close: true, message: `${what} needs a Content-Length.`,
});

export const tooLarge = (limit: number, what: string, code: ErrorCode = 'invalid_input'): Refusal => ({
  status: 413, code, close: true, message: `${what} is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
});
