import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OutboxJob } from '../../common/domain/fax';
import type { ChildMessage, HoldPoint, ParentMessage } from './killableCore';

/** From sources (vitest) the child runs through tsx; built with the benches it sits next to them as JS. */
const BUILT_CHILD = resolve(import.meta.dirname, 'killableCore.js');
const CHILD = existsSync(BUILT_CHILD) ? BUILT_CHILD : resolve(import.meta.dirname, 'killableCore.ts');
const CHILD_ARGS = CHILD === BUILT_CHILD ? ['--no-warnings'] : ['--import', 'tsx', '--no-warnings'];

export type KillPoint = 'after the job is persisted' | 'during a 15 MB upload' | 'after the provider accepted, before the answer was stored' | 'while Sending';
/**
 * In this order, each kill hits only its own fax: a fax left queued is resumed by the next start,
 * where a hold meant for the next fax would catch it too, so the queued case comes last.
 */
export const KILL_POINTS: readonly KillPoint[] = [
  'during a 15 MB upload', 'after the provider accepted, before the answer was stored', 'while Sending', 'after the job is persisted',
];
const HOLDS: Record<KillPoint, HoldPoint | undefined> = {
  'after the job is persisted': 'persisted',
  'during a 15 MB upload': 'upload',
  'after the provider accepted, before the answer was stored': 'accepted',
  'while Sending': undefined,
};

/** A core in a child process that can be killed with SIGKILL at a chosen moment and started again. */
export class KillableCore {
  private readonly messages: ChildMessage[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message) => {
      this.messages.push(message as ChildMessage);
      for (const wake of this.waiters) wake();
    });
  }

  static start(dataDir: string): KillableCore {
    return new KillableCore(fork(CHILD, [dataDir], { execArgv: CHILD_ARGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  send(message: ParentMessage): void {
    this.child.send(message);
  }

  /** The first message (from now on or already received) that `pick` accepts. */
  next<T>(pick: (message: ChildMessage) => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      let seen = 0;
      const look = () => {
        for (; seen < this.messages.length; seen++) {
          const message = this.messages[seen]!;
          if (message.type === 'error') return finish(() => reject(new Error(`core child: ${message.message}`)));
          const picked = pick(message);
          if (picked !== undefined) return finish(() => resolvePromise(picked));
        }
      };
      const timer = setTimeout(() => finish(() => reject(new Error('core child: no such message in time'))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(look);
        settle();
      };
      this.waiters.add(look);
      look();
    });
  }

  async list(): Promise<OutboxJob[]> {
    const from = this.messages.length;
    this.send({ type: 'list' });
    return this.next((message) => (message.type === 'list' && this.messages.indexOf(message) >= from ? message.jobs : undefined));
  }

  async kill(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Sends one fax from a fresh start of the core and kills the process at `point`. Returns the job's id.
 * The fax goes to +19898989898, which completes (a few seconds in the emulators' lifecycle).
 */
export async function sendAndKill(dataDir: string, provider: 'sinch' | 'welkin', point: KillPoint, documentId: string): Promise<string> {
  const core = KillableCore.start(dataDir);
  core.send({ type: 'use-document', documentId });
  core.send({ type: 'send', provider, to: '+19898989898', hold: HOLDS[point] });
  const jobId = await core.next((message) => (message.type === 'sent' ? message.jobId : undefined));
  if (point === 'while Sending') {
    await core.next((message) => (message.type === 'job' && message.job.id === jobId && message.job.state === 'sending' ? true : undefined));
  } else {
    await core.next((message) => (message.type === 'held' ? true : undefined));
    // Mid-upload: let some of the body go out first.
    if (point === 'during a 15 MB upload') await new Promise((resolveWait) => setTimeout(resolveWait, 400));
  }
  await core.kill();
  return jobId;
}

/** Starts the core once more and waits until every job in `jobIds` is completed, failed or uncertain. */
export async function restartUntilSettled(dataDir: string, jobIds: readonly string[], timeoutMs = 60_000): Promise<OutboxJob[]> {
  const core = KillableCore.start(dataDir);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const jobs = (await core.list()).filter((job) => jobIds.includes(job.id));
      if (jobs.length === jobIds.length && jobs.every((job) => ['sent', 'failed', 'uncertain'].includes(job.state))) return jobs;
      if (Date.now() > deadline) throw new Error(`jobs not settled: ${jobs.map((job) => `${job.id} ${job.state}`).join(', ')}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  } finally {
    await core.stop();
  }
}

/** Adds the accounts and a document (15 MB, so an upload can be caught mid-way) on a new data folder. */
export async function setUp(dataDir: string, sinchUrl: string, welkinUrl: string): Promise<string> {
  const core = KillableCore.start(dataDir);
  core.send({ type: 'setup', sinchUrl, welkinUrl, documentBytes: 15 * 1024 * 1024 });
  const documentId = await core.next((message) => (message.type === 'ready' ? message.documentId : undefined), 60_000);
  await core.stop();
  return documentId;
}
