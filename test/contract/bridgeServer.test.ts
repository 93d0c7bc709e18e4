import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc/contract';
import { parseWire, stringifyWire } from '../../common/ipc/wireJson';
import { CoreEvents } from '../../main/core/events';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { createLogger } from '../../main/core/log';
import { startBridgeServer, type RunningBridge } from '../../main/harness/bridgeServer';

let bridge: RunningBridge;
const events = new CoreEvents();
let received: Uint8Array | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bridge-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'bridge.js'), '/* bridge */');
  const notUsed = () => { throw new Error('not used'); };
  const handlers = {
    ...Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, notUsed])),
    'app.info': () => ({ version: '9', host: 'web-bridge' }),
    'documents.add': ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
      received = bytes;
      return { id: 'd1', name, pages: 1, sizeBytes: bytes.length, contentType: 'application/pdf' };
    },
  } as unknown as Handlers;
  const log = createLogger(() => {});
  bridge = await startBridgeServer({
    core: { dispatch: createDispatcher(handlers, log), events, log },
    rendererDir: join(dir, 'renderer'),
    bridgeScript: join(dir, 'bridge.js'),
  });
});
afterAll(() => bridge.close());

/** Raw HTTP so the test controls Host and Origin exactly, as a hostile page could not. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(path, bridge.url);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/__bridge/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Faxdesk-Token': bridge.token, Origin: bridge.url, ...headers },
    body: stringifyWire(input),
  });

describe('dev/test bridge server', () => {
  it('serves the renderer with the token meta tag and the bridge script injected', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="faxdesk-bridge-token" content="${bridge.token}">`);
    expect(page.body).toContain('<script src="/__harness/webBridge.js"></script>');
  });

  it('answers an invoke from its own origin with the token', async () => {
    const res = await invoke('app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { version: '9', host: 'web-bridge' } });
  });

  it('carries bytes intact both ways', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    const res = await invoke('documents.add', { name: 'a.pdf', bytes });
    expect(parseWire(res.body)).toMatchObject({ ok: true, value: { sizeBytes: 70_000 } });
    expect(Buffer.from(received!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a foreign origin', async () => {
    const res = await invoke('app.info', {}, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await invoke('app.info', {}, { 'X-Faxdesk-Token': 'nope' })).status).toBe(403);
    expect((await raw('/__bridge/invoke/app.info', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await raw('/__bridge/events?token=wrong')).status).toBe(403);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const res = await raw('/', { headers: { Host: 'attacker.example:80' } });
    expect(res.status).toBe(421);
  });

  it('returns invalid_input for malformed input and for a non-JSON body', async () => {
    expect(JSON.parse((await invoke('accounts.remove', { nope: true })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const res = await raw('/__bridge/invoke/app.info', {
      method: 'POST', headers: { 'X-Faxdesk-Token': bridge.token, Origin: bridge.url }, body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await raw('/..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(res.status);
  });

  it('streams core events over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}/__bridge/events?token=${bridge.token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    events.emit('accounts.changed', []);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: accounts.changed\ndata: []\n\n');
    controller.abort();
  });
});
