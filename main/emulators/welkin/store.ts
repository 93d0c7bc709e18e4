import { randomUUID } from 'node:crypto';
import type { WelkinTestOutcome } from './constants';

export type FaxDirection = 'INCOMING' | 'OUTGOING';
export type FaxStatus = 'DRAFT' | 'PROCESSING' | 'SENT' | 'FAILED' | 'RECEIVED';

/** A stored file: wire fields plus the bytes and facts tests verify (sha256, page count). */
export interface StoredFile {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
  storageKey: string | null;
  bytes: Buffer;
  sha256: string;
  pages: number;
}

/** One send attempt. Its outcome is fixed at send time; when it shows is derived from the clock. */
export interface SendAttempt {
  number: number;
  startedAt: number;
  durationMs: number;
  outcome: WelkinTestOutcome;
  failureReason: string | null;
  pagesDelivered: number;
  /** Set by the force-complete control route: the attempt ended at this virtual instant. */
  completedAt?: number;
}

export interface Actor {
  id: string;
  name: string;
}

export interface FaxRecord {
  id: string;
  /** Insertion order: breaks createdAt ties (a frozen clock gives equal timestamps). */
  seq: number;
  direction: FaxDirection;
  /** DRAFT/RECEIVED are stored; PROCESSING/SENT/FAILED come from `attempt` (see lifecycle.ts). */
  baseStatus: 'DRAFT' | 'RECEIVED' | 'SENT_ATTEMPT';
  attempt: SendAttempt | null;
  receiverFaxNumber: string | null;
  senderFaxNumber: string | null;
  subject: string | null;
  reviewed: boolean;
  patientId: string | null;
  documentTypeId: string | null;
  documentSummaryId: string | null;
  files: StoredFile[];
  pages: number | null;
  receivedAt: number | null;
  createdAt: number;
  updatedAt: number;
  createdBy: Actor | null;
  updatedBy: Actor | null;
}

export function newId(): string {
  return randomUUID();
}

/** All faxes of the emulated instance, in memory. */
export class FaxStore {
  private readonly faxes = new Map<string, FaxRecord>();
  private seq = 0;

  clear(): void {
    this.faxes.clear();
    this.seq = 0;
  }

  create(fields: Omit<FaxRecord, 'id' | 'seq'>): FaxRecord {
    const fax: FaxRecord = { ...fields, id: newId(), seq: ++this.seq };
    this.faxes.set(fax.id, fax);
    return fax;
  }

  /** Puts back a fax kept from an earlier run, with its id; it sorts after those already here. */
  restore(fax: FaxRecord): void {
    this.faxes.set(fax.id, { ...fax, seq: ++this.seq });
  }

  get(id: string): FaxRecord | undefined {
    return this.faxes.get(id.toLowerCase());
  }

  delete(id: string): void {
    this.faxes.delete(id);
  }

  all(): FaxRecord[] {
    return [...this.faxes.values()];
  }

  touch(fax: FaxRecord, now: number, actor: Actor | null): void {
    fax.updatedAt = Math.max(now, fax.updatedAt);
    fax.updatedBy = actor;
  }
}
