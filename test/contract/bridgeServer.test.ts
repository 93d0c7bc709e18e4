import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
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
import { SealedFiles } from '../../main/core/crypto/sealedFiles';

let bridge: RunningBridge;
const events = new CoreEvents();
let received: Uint8Array | undefined;
let uploaded: { name: string; bytes: Buffer; path: string } | undefined;
let uploadDir: string;
const sealedKey = randomBytes(32);
const sealed = new SealedFiles(async () => sealedKey);
const documentBytes = Buffer.from(Array.from({ length: 5_000 }, (_, i) => i % 256));
const info = (name: string, size: number) => ({ id: 'd1', name, kind: 'pdf', pages: 1, sizeBytes: size, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: size, warnings: [], sha256: 'x' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bridge-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'bridge.js'), '/* bridge */');
  await sealed.write(join(dir, 'doc.pdf'), documentBytes); // stored documents are sealed; the route serves them decrypted
  uploadDir = join(dir, 'incoming');
  const notUsed = () => { throw new Error('not used'); };
  const handlers = {
    ...Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, notUsed])),
    'app.info': () => ({ version: '9', host: 'web-bridge' }),
    'documents.add': ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
      received = bytes;
      return info(name, bytes.length);
    },
    'documents.addFile': ({ name, path }: { name: string; path: string }) => {
      uploaded = { name, path, bytes: readFileSync(path) };
      return info(name, uploaded.bytes.length);
    },
  } as unknown as Handlers;
  const log = createLogger(() => {});
  bridge = await startBridgeServer({
    core: {
      dispatch: createDispatcher(handlers, log), windowEvents: events, log,
      documentContent: async (id) => (id === 'd1' ? { contentType: 'application/pdf', sizeBytes: documentBytes.length, open: (range) => sealed.stream(join(dir, 'doc.pdf'), range) } : undefined),
    },
    uploadDir,
    rendererDir: join(dir, 'renderer'),
    bridgeScript: join(dir, 'bridge.js'),
  });
});
afterAll(() => bridge.close());

/** Raw HTTP so the test controls Host and Origin exactly, as a hostile page could not. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string; bytes: Buffer; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const url = new URL(path, bridge.url);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body: bytes.toString('utf8'), bytes, headers: res.headers });
      });
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
      method: 'POST', headers: { 'X-Faxdesk-Token': bridge.token, Origin: bridge.url, 'Content-Type': 'application/json' }, body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
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

  it('streams an upload to disk and adds it by path; the temporary file is gone afterwards', async () => {
    const file = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256));
    const res = await raw('/__bridge/upload?name=Referral%20letter.pdf', {
      method: 'POST', headers: { 'X-Faxdesk-Token': bridge.token, Origin: bridge.url, 'Content-Type': 'application/octet-stream' }, body: file,
    });
    expect(parseWire(res.body)).toMatchObject({ ok: true, value: { name: 'Referral letter.pdf', sizeBytes: 300_000 } });
    expect(uploaded!.bytes.equals(file)).toBe(true);
    expect(uploaded!.path.startsWith(uploadDir)).toBe(true);
    expect(existsSync(uploaded!.path)).toBe(false);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('refuses an upload without the token, or from another origin', async () => {
    expect((await raw('/__bridge/upload?name=a.pdf', { method: 'POST', body: 'x' })).status).toBe(403);
    expect((await raw('/__bridge/upload?name=a.pdf', { method: 'POST', headers: { 'X-Faxdesk-Token': bridge.token, Origin: 'https://evil.example' }, body: 'x' })).status).toBe(403);
  });

  it('serves a document\'s content whole and by byte range, only with the token', async () => {
    const whole = await raw(`/__bridge/documents/d1?token=${bridge.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('application/pdf');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.bytes.equals(documentBytes)).toBe(true);
    const part = await raw(`/__bridge/documents/d1?token=${bridge.token}`, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${documentBytes.length}`);
    expect(part.bytes.equals(documentBytes.subarray(100, 200))).toBe(true);
    expect((await raw(`/__bridge/documents/d1?token=${bridge.token}`, { headers: { Range: 'bytes=9999999-' } })).status).toBe(416);
    expect((await raw(`/__bridge/documents/nope?token=${bridge.token}`)).status).toBe(404);
    expect((await raw('/__bridge/documents/d1?token=wrong')).status).toBe(403);
  });
});
