import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutboxJob } from '../../common/domain/fax';
import { InMemorySecretStore } from '../../main/core/accounts/secretStore';
import { createCore } from '../../main/core/app';
import { createLogger } from '../../main/core/log';
import { startBridgeServer } from '../../main/harness/bridgeServer';
import { expectOk } from './benchCore';
import { watchMemory, type MemoryRun, type MemoryWatch } from './memory';

/**
 * What `npm run dev:web` runs — the core and the dev bridge serving the built renderer — hosted in
 * a process of its own, built (as Electron runs the core, without tsx's loader), with no demo
 * emulators inside it: the provider is an emulator in another child process. The bench drives the
 * page in Chromium and asks this process, over the fork IPC channel, for its own memory figures.
 */

const root = resolve(import.meta.dirname, '../..'); // out/bench → the repository
const rendererDir = join(root, 'out', 'renderer');
const bridgeScript = join(root, 'out', 'harness', 'webBridge.js');

export interface BridgeHostOptions {
  /** A Sinch account on this emulator is added (the only account, so compose picks it). */
  sinchUrl?: string;
}

/** Environment for the host process on top of this one's (e.g. glibc's malloc settings). */
export type HostEnv = Record<string, string>;

type Command = 'watch-start' | 'watch-stop' | 'wait-sent' | 'close';
interface Request { id: number; command: Command }
type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

export interface BridgeHost {
  url: string;
  /** Starts this process's memory watch (a full GC first, VmHWM reset). */
  watchStart(): Promise<void>;
  watchStop(): Promise<MemoryRun>;
  /** Resolves with the outbox's jobs once every one is sent (or failed: it then rejects). */
  waitSent(): Promise<OutboxJob[]>;
  close(): Promise<void>;
}

export function renderersBuilt(): boolean {
  return existsSync(join(rendererDir, 'index.html')) && existsSync(bridgeScript);
}

/** Starts the host in a fresh process (the bench's own built file in `--bridge-host` mode). */
export function startBridgeHost(entryUrl: string, options: BridgeHostOptions = {}, env: HostEnv = {}): Promise<BridgeHost> {
  const child: ChildProcess = fork(fileURLToPath(entryUrl), ['--bridge-host', JSON.stringify(options)], {
    execArgv: ['--expose-gc', '--no-warnings'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env },
  });
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const call = (command: Command) => new Promise<unknown>((resolveCall, reject) => {
    const id = ++next;
    pending.set(id, { resolve: resolveCall, reject });
    child.send({ id, command } satisfies Request);
  });
  return new Promise((resolveHost, rejectHost) => {
    child.on('message', (message: Reply | { ready: string }) => {
      if ('ready' in message) {
        resolveHost({
          url: message.ready,
          watchStart: async () => { await call('watch-start'); },
          watchStop: async () => (await call('watch-stop')) as MemoryRun,
          waitSent: async () => (await call('wait-sent')) as OutboxJob[],
          close: async () => {
            const exited = new Promise<void>((done) => child.once('exit', () => done()));
            await call('close').catch(() => undefined);
            await exited;
          },
        });
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    });
    child.once('exit', (code) => {
      rejectHost(new Error(`bridge host exited with ${code}`));
      for (const waiting of pending.values()) waiting.reject(new Error(`bridge host exited with ${code}`));
    });
  });
}

/** A bench that waits for a fax the page never sent must fail, not hang. */
const SENT_WITHIN_MS = 10 * 60_000;

async function everyJobSent(list: () => Promise<OutboxJob[]>): Promise<OutboxJob[]> {
  for (const deadline = Date.now() + SENT_WITHIN_MS; ;) {
    if (Date.now() > deadline) throw new Error(`no fax was sent within ${SENT_WITHIN_MS / 60_000} minutes (did the page ask something first?)`);
    const jobs = await list();
    const failed = jobs.find((job) => job.state === 'failed' || job.state === 'uncertain');
    if (failed) throw new Error(`a fax ended ${failed.state}: ${failed.error?.message}`);
    if (jobs.length > 0 && jobs.every((job) => job.state === 'sent')) return jobs;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Child mode: runs the core and the bridge until told to close. */
export async function runBridgeHost(optionsJson: string): Promise<void> {
  if (!renderersBuilt()) throw new Error(`${rendererDir} or ${bridgeScript} is missing: run \`npm run build:web\` first`);
  const options = JSON.parse(optionsJson) as BridgeHostOptions;
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-bridge-'));
  const core = createCore({ dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}), followIntervalMs: 50 });
  if (options.sinchUrl) {
    const account = expectOk(await core.dispatch('accounts.add', {
      name: 'Sinch', secret: 'demo-secret',
      settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', baseUrl: options.sinchUrl, authUrl: options.sinchUrl } },
    }), 'accounts.add') as { id: string };
    await core.dispatch('accounts.test', { id: account.id });
  }
  const bridge = await startBridgeServer({ core, uploadDir: join(dataDir, 'incoming'), rendererDir, bridgeScript, port: 0 });
  let watch: MemoryWatch | undefined;
  const handlers: Record<Command, () => Promise<unknown>> = {
    'watch-start': async () => { watch = watchMemory(); },
    'watch-stop': async () => watch?.stop(),
    'wait-sent': () => everyJobSent(async () => expectOk(await core.dispatch('outbox.list', {}), 'outbox.list') as OutboxJob[]),
    close: async () => {
      await bridge.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', (request: Request) => {
    handlers[request.command]().then(
      (value) => process.send!({ id: request.id, ok: true, value } satisfies Reply),
      (error: unknown) => process.send!({ id: request.id, ok: false, error: String(error) } satisfies Reply),
    );
  });
  process.send!({ ready: bridge.url });
}
