import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxJob } from '../../common/domain/fax';
import type { FaultKind } from '../../main/emulators/shared/faults';
import type { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import type { WelkinControlClient } from '../../main/emulators/welkin/welkinControlClient';
import { startTestCore } from './coreKit';
import { addPdf, addSinchAccount, addWelkinAccount, fastFactory } from './outboxKit';

export interface SoakTarget {
  url: string;
  control: SinchControlClient | WelkinControlClient;
}

export interface SoakReport {
  sends: number;
  states: Record<string, number>;
  /** Faxes at a provider that no job holds, or more than one fax for one job. */
  duplicates: number;
  /** Jobs still queued or on their way when the soak gave up waiting. */
  unsettled: number;
  /** Drafts left at Welkin (never sent; a discard that itself met a fault). */
  strayDrafts: number;
  ms: number;
}

const KINDS: FaultKind[] = ['500', '429', 'timeout', 'reset', 'malformed'];

/**
 * `sends` faxes, alternating Sinch and Welkin, while `rate` of every API call gets an injected fault
 * (500, 429, timeout, reset, malformed reply). Waits until every fax is sent, failed or uncertain,
 * then counts what each emulator holds against what the outbox adopted.
 */
export async function faultSoak(sinch: SoakTarget, welkin: SoakTarget, sends: number, rate = 0.2, settleMs = 120_000): Promise<SoakReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-soak-'));
  const h = startTestCore({
    demo: false, dataDir, followIntervalMs: 100,
    providerFactory: fastFactory({ timeoutMs: 1_500 }),
    jobs: { pollMs: 100, leaseMs: 5_000, backoff: { baseMs: 50, maxMs: 1_000 } },
  });
  const started = performance.now();
  try {
    const accounts = { sinch: await addSinchAccount(h, sinch.url), welkin: await addWelkinAccount(h, welkin.url) };
    const document = await addPdf(h, 2);
    await Promise.all([sinch, welkin].map((target) => target.control.faults({ rate, kinds: KINDS, retryAfterSeconds: 1 })));
    const ids: string[] = [];
    for (let n = 0; n < sends; n++) {
      const provider = n % 2 ? 'welkin' : 'sinch';
      const to = n % 3 ? '+19898989898' : `+1201555${String(3000 + n).padStart(4, '0')}`;
      const result = await h.core.dispatch('fax.send', { accountId: accounts[provider], to: [to], documentIds: [document.id], confirmDuplicate: true });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      ids.push(...(result.value as OutboxJob[]).map((job) => job.id));
    }
    const deadline = Date.now() + settleMs;
    let jobs: OutboxJob[] = [];
    for (;;) {
      jobs = ((await h.core.dispatch('outbox.list', {})) as { value: OutboxJob[] }).value.filter((job) => ids.includes(job.id));
      if (jobs.every((job) => ['sent', 'failed', 'uncertain'].includes(job.state)) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await Promise.all([sinch, welkin].map((target) => target.control.clearFaults()));
    const states: Record<string, number> = {};
    for (const job of jobs) states[job.state] = (states[job.state] ?? 0) + 1;
    const adopted = new Set(jobs.map((job) => job.providerFaxId).filter(Boolean));
    let duplicates = 0;
    let strayDrafts = 0;
    for (const target of [sinch, welkin]) {
      const held = (await target.control.faxes()) as Array<{ id: string; status: string; direction?: string }>;
      strayDrafts += held.filter((fax) => fax.status === 'DRAFT').length;
      duplicates += held.filter((fax) => fax.status !== 'DRAFT' && !/^IN/i.test(fax.direction ?? '') && !adopted.has(fax.id)).length;
    }
    const unsettled = jobs.filter((job) => !['sent', 'failed', 'uncertain'].includes(job.state)).length;
    return { sends, states, duplicates, unsettled, strayDrafts, ms: performance.now() - started };
  } finally {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
