import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc/contract';
import { CoreEvents } from '../../main/core/events';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { createLogger } from '../../main/core/log';
import { MAX_EVENT_STREAMS, startBridgeServer, type RunningBridge } from '../../main/harness/bridgeServer';

/**
 * The dev bridge under hostile input, over real HTTP: bodies over the cap are refused with 413
 * without being read (the process does not grow), too many event streams are refused, and every
 * bad request gets a 4xx `{ok:false,error}` answer while the server keeps serving.
 */
const MB = 1024 * 1024;
let bridge: RunningBridge;
let uploadDir: string;
let addFileCalls = 0;
const logged: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bridge-limits-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'bridge.js'), '/* bridge */');
  uploadDir = join(dir, 'incoming');
  const notUsed = () => { throw new Error('not used'); };
  const handlers = {
    ...Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, notUsed])),
    'app.info': () => ({ version: '9', host: 'web-bridge' }),
    'documents.addFile': () => { addFileCalls++; throw new Error('not expected'); },
  } as unknown as Handlers;
  const log = createLogger((_level, line) => logged.push(line));
  bridge = await startBridgeServer({
    core: { dispatch: createDispatcher(handlers, log), windowEvents: new CoreEvents(), log, documentContent: async () => undefined },
    uploadDir, rendererDir: join(dir, 'renderer'), bridgeScript: join(dir, 'bridge.js'),
  });
});
afterAll(() => bridge.close());

interface Answer { status: number; json: { ok: boolean; error?: { code: string; message: string } }; sent: number; headers: Record<string, unknown> }

/** Sends `total` bytes in 64 KB chunks (one reused buffer, with backpressure); stops at the first answer. */
function streamBody(path: string, headers: OutgoingHttpHeaders, total: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, bridge.url);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { Origin: bridge.url, 'X-Faxdesk-Token': bridge.token, ...headers } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')), sent, headers: res.headers });
        req.destroy();
      });
    });
    req.on('error', (error) => { if (!answered) reject(error); });
    const pump = () => {
      while (!answered && sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** The largest RSS seen while `work` runs, minus the RSS before it. */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

function call(path: string, options: { method?: string; headers?: OutgoingHttpHeaders; body?: string } = {}): Promise<Omit<Answer, 'sent'>> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, bridge.url);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
/** In the tables below, `AUTH` stands for this run's Origin and token (known only once the bridge runs). */
const AUTH = { $auth: true };
const authed = (headers: OutgoingHttpHeaders = {}) => ({ Origin: bridge.url, 'X-Faxdesk-Token': bridge.token, ...headers });
const withAuth = (headers: Record<string, unknown> = {}) => ('$auth' in headers ? authed(Object.fromEntries(Object.entries(headers).filter(([k]) => k !== '$auth')) as OutgoingHttpHeaders) : headers as OutgoingHttpHeaders);
const json = { 'Content-Type': 'application/json' };

describe('dev bridge: bodies over the cap are refused with 413, unread', () => {
  it('a 200 MB invoke body is refused before it is read; RSS grows by less than 20 MB', async () => {
    const { result, growthMb } = await rssGrowth(() => streamBody('/__bridge/invoke/app.info', { ...json, 'Content-Length': String(200 * MB) }, 200 * MB));
    console.log(`invoke, 200 MB declared: ${result.status}, ${(result.sent / MB).toFixed(1)} MB written by the client, peak RSS growth ${growthMb.toFixed(1)} MB`);
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 32 MB/) } });
    expect(result.headers.connection).toBe('close');
    expect(result.sent).toBeLessThan(200 * MB);
    expect(growthMb).toBeLessThan(20);
  });

  it('a 200 MB upload is refused before it is read; nothing is kept, RSS grows by less than 20 MB', async () => {
    const { result, growthMb } = await rssGrowth(() => streamBody('/__bridge/upload?name=huge.pdf', { 'Content-Type': 'application/octet-stream', 'Content-Length': String(200 * MB) }, 200 * MB));
    console.log(`upload, 200 MB declared: ${result.status}, ${(result.sent / MB).toFixed(1)} MB written by the client, peak RSS growth ${growthMb.toFixed(1)} MB`);
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ ok: false, error: { code: 'files_too_large', message: 'huge.pdf is larger than 100 MB.' } });
    expect(result.sent).toBeLessThan(200 * MB);
    expect(growthMb).toBeLessThan(20);
    expect(addFileCalls).toBe(0);
    expect(existsSync(uploadDir) ? readdirSync(uploadDir) : []).toEqual([]);
  });

  it('a 200 MB body without a length (chunked) is refused with 411 before any of it is read', async () => {
    for (const [path, type] of [['/__bridge/upload?name=huge.pdf', 'application/octet-stream'], ['/__bridge/invoke/app.info', 'application/json']] as const) {
      const { result, growthMb } = await rssGrowth(() => streamBody(path, { 'Content-Type': type }, 200 * MB));
      expect(result.status).toBe(411);
      expect(result.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(result.sent).toBeLessThan(200 * MB);
      expect(growthMb).toBeLessThan(20);
    }
    expect(addFileCalls).toBe(0);
  });

  it('one byte over the upload limit is refused with 413 the same way', async () => {
    const result = await streamBody('/__bridge/upload?name=big.pdf', { 'Content-Type': 'application/octet-stream', 'Content-Length': String(100 * MB + 1) }, 100 * MB + 1);
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ ok: false, error: { code: 'files_too_large', message: 'big.pdf is larger than 100 MB.' } });
    expect(addFileCalls).toBe(0);
  });
});

describe('dev bridge: every bad request is a 4xx {ok:false,error}, and the server keeps serving', () => {
  it.each([
    ['malformed JSON', '/__bridge/invoke/app.info', { method: 'POST', headers: { ...AUTH, ...json }, body: '{not json' }, 400],
    ['no content type', '/__bridge/invoke/app.info', { method: 'POST', headers: AUTH, body: '{}' }, 415],
    ['a text content type', '/__bridge/invoke/app.info', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'text/plain' }, body: '{}' }, 415],
    ['an unknown channel', '/__bridge/invoke/secrets.dump', { method: 'POST', headers: { ...AUTH, ...json }, body: '{}' }, 404],
    ['a prototype name as channel', '/__bridge/invoke/__proto__', { method: 'POST', headers: { ...AUTH, ...json }, body: '{}' }, 404],
    ['a broken %-escape in the channel', '/__bridge/invoke/%E0%A4%A', { method: 'POST', headers: { ...AUTH, ...json }, body: '{}' }, 404],
    ['GET on an invoke', '/__bridge/invoke/app.info', { headers: AUTH }, 405],
    ['GET on the upload', '/__bridge/upload?name=a.pdf', { headers: AUTH }, 405],
    ['an upload sent as JSON', '/__bridge/upload?name=a.pdf', { method: 'POST', headers: { ...AUTH, ...json }, body: '{}' }, 415],
    ['an upload without a name', '/__bridge/upload', { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/octet-stream' }, body: 'x' }, 400],
    ['POST on the event stream', '/__bridge/events', { method: 'POST', headers: { ...AUTH, ...json }, body: '{}' }, 405],
    ['DELETE on a page', '/index.html', { method: 'DELETE' }, 405],
    ['an unknown bridge route', '/__bridge/nothing', { headers: AUTH }, 404],
    ['a broken %-escape in a file path', '/%E0%A4%A', {}, 400],
    ['a missing file', '/nope.js', {}, 404],
    ['a bad token on the event stream', '/__bridge/events?token=wrong', {}, 403],
  ] as const)('%s', async (_what, path, options, status) => {
    const { headers, ...rest } = options as { method?: string; headers?: Record<string, unknown>; body?: string };
    const answer = await call(path, { ...rest, headers: withAuth(headers) });
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    expect((await call('/__bridge/invoke/app.info', { method: 'POST', headers: authed(json), body: '{}' })).json).toEqual({ ok: true, value: { version: '9', host: 'web-bridge' } });
  });

  it(`at most ${MAX_EVENT_STREAMS} event streams; the next is refused with 429 until one closes`, async () => {
    const controllers = Array.from({ length: MAX_EVENT_STREAMS }, () => new AbortController());
    try {
      const open = await Promise.all(controllers.map((c) => fetch(`${bridge.url}/__bridge/events?token=${bridge.token}`, { signal: c.signal })));
      expect(open.map((r) => r.status)).toEqual(Array(MAX_EVENT_STREAMS).fill(200));
      const refused = await fetch(`${bridge.url}/__bridge/events?token=${bridge.token}`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      controllers[0]!.abort();
      await expect.poll(async () => {
        controllers[0] = new AbortController();
        const again = await fetch(`${bridge.url}/__bridge/events?token=${bridge.token}`, { signal: controllers[0].signal });
        if (again.status !== 200) await again.body?.cancel();
        return again.status;
      }, { timeout: 5_000 }).toBe(200);
    } finally {
      for (const c of controllers) c.abort();
    }
  });

  it('nothing above was logged as a crash', () => {
    expect(logged.join('\n')).not.toMatch(/bridge request failed|handler crashed/);
  });
});
