import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InboxFax } from '../../common/domain/inbox';
import { masterKeyFrom } from '../../main/core/crypto/masterKey';
import { SealedFiles } from '../../main/core/crypto/sealedFiles';
import type { FaultKind } from '../../main/emulators/shared/faults';
import type { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import type { WelkinControlClient } from '../../main/emulators/welkin/welkinControlClient';
import { FileSecretStore } from './fileSecretStore';
import type { InboxChildMessage } from './inboxCoreChild';

const BUILT_CHILD = resolve(import.meta.dirname, 'inboxCoreChild.js');
const CHILD = existsSync(BUILT_CHILD) ? BUILT_CHILD : resolve(import.meta.dirname, 'inboxCoreChild.ts');
const CHILD_ARGS = CHILD === BUILT_CHILD ? ['--no-warnings'] : ['--import', 'tsx', '--no-warnings'];
const KINDS: FaultKind[] = ['500', '429', 'timeout', 'reset', 'malformed'];

export interface InboxSoakOptions {
  sinch: { url: string; control: SinchControlClient };
  welkin: { url: string; control: WelkinControlClient };
  /** Faxes arriving at each provider, spread over `arrivalMs`. */
  perProvider: number;
  arrivalMs: number;
  /** When (ms after the start) the core is SIGKILLed and started again. */
  killsAtMs: number[];
  faultRate?: number;
  settleMs?: number;
}

export interface InboxSoakReport {
  arrived: number;
  stored: number;
  missing: number;
  duplicates: number;
  /** Rows whose document is not ready, or whose SHA-256 (stored or on disk) differs from the emulator's. */
  badDocuments: number;
  kills: number;
  ms: number;
  /** Time from the last arrival until the store matched the emulators. */
  settleMs: number;
}

class Child {
  private readonly messages: InboxChildMessage[] = [];
  constructor(readonly process: ChildProcess) {
    process.on('message', (message) => this.messages.push(message as InboxChildMessage));
  }

  static start(dataDir: string, sinchUrl: string, welkinUrl: string): Child {
    return new Child(fork(CHILD, [dataDir, sinchUrl, welkinUrl], { execArgv: CHILD_ARGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  async rows(timeoutMs = 30_000): Promise<InboxFax[]> {
    const from = this.messages.length;
    this.process.send({ type: 'list' });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = this.messages.slice(from).find((message) => message.type === 'rows' || message.type === 'error');
      if (reply?.type === 'rows') return reply.rows;
      if (reply?.type === 'error') throw new Error(reply.message);
      if (Date.now() > deadline) throw new Error('inbox child: no rows in time');
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  async stop(signal: NodeJS.Signals): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((done) => this.process.once('exit', done));
    this.process.kill(signal);
    await exited;
  }
}

/**
 * Faxes arrive at both emulators over time while a fifth of API calls fail (500, 429, timeouts,
 * resets, malformed bodies) and the core, in a child process, is SIGKILLed and restarted. Then the
 * faults stop, and the store must hold exactly the emulators' received faxes, each document intact.
 */
export async function inboxSoak(options: InboxSoakOptions): Promise<InboxSoakReport> {
  const { sinch, welkin } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-inbox-soak-'));
  const started = performance.now();
  let child = Child.start(dataDir, sinch.url, welkin.url);
  try {
    await Promise.all([sinch, welkin].map((target) => target.control.faults({ rate: options.faultRate ?? 0.2, kinds: KINDS, retryAfterSeconds: 1 })));
    const feeding = (async () => {
      const gap = options.arrivalMs / options.perProvider;
      for (let n = 0; n < options.perProvider; n++) {
        const from = `+1415555${String(n).padStart(4, '0')}`;
        await sinch.control.inbound({ from, to: '+12015550100', pages: 1 + (n % 3) });
        await welkin.control.inbound({ from, to: '+15557654321', pages: 1 + (n % 2) });
        await new Promise((done) => setTimeout(done, gap));
      }
    })();
    for (const at of options.killsAtMs) {
      await new Promise((done) => setTimeout(done, Math.max(0, at - (performance.now() - started))));
      await child.stop('SIGKILL');
      child = Child.start(dataDir, sinch.url, welkin.url);
    }
    await feeding;
    const fed = performance.now();
    await Promise.all([sinch, welkin].map((target) => target.control.clearFaults()));

    const expected = new Map<string, string>(); // provider id → SHA-256 of its document
    for (const fax of await sinch.control.faxes()) if (fax.direction === 'INBOUND') expected.set(fax.id, fax.documentSha256 ?? '');
    for (const fax of await welkin.control.faxes()) if (fax.direction === 'INCOMING') expected.set(fax.id, fax.files[0]?.sha256 ?? '');
    const deadline = Date.now() + (options.settleMs ?? 120_000);
    let rows: InboxFax[] = [];
    for (;;) {
      rows = await child.rows();
      const done = rows.length >= expected.size && rows.every((row) => row.document.state !== 'pending');
      if (done || Date.now() > deadline) break;
      await new Promise((wait) => setTimeout(wait, 500));
    }
    const settled = performance.now();
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(row.providerId, (seen.get(row.providerId) ?? 0) + 1);
    // Documents are sealed on disk: read back through the master key the core kept in its secret store.
    const sealed = new SealedFiles(masterKeyFrom(new FileSecretStore(join(dataDir, 'secrets.json'))));
    let badDocuments = 0;
    for (const row of rows) {
      if (row.document.state !== 'ready' || row.document.sha256 !== expected.get(row.providerId)) {
        badDocuments++;
        continue;
      }
      const plain = await sealed.readAll(join(dataDir, 'inbox', `${row.id}.pdf`)).catch(() => undefined);
      if (!plain || createHash('sha256').update(plain).digest('hex') !== row.document.sha256) badDocuments++;
    }
    return {
      arrived: expected.size,
      stored: rows.length,
      missing: [...expected.keys()].filter((id) => !seen.has(id)).length,
      duplicates: [...seen.values()].reduce((sum, count) => sum + count - 1, 0) + rows.filter((row) => !expected.has(row.providerId)).length,
      badDocuments,
      kills: options.killsAtMs.length,
      ms: Math.round(performance.now() - started),
      settleMs: Math.round(settled - fed),
    };
  } finally {
    await child.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
