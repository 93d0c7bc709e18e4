import type { LifecycleClock } from '../shared/lifecycleClock';
import { isLoopback } from '../shared/httpKit';
import { deriveState, isTerminal } from './lifecycle';
import type { FaxRecord, WebhookContentType } from './model';
import type { SinchOptions } from './routeKit';
import type { SinchStore } from './store';
import { iso, toWireFax } from './wire';

export interface WebhookDelivery {
  event: 'FAX_COMPLETED' | 'INCOMING_FAX';
  faxId: string;
  url: string;
  contentType: WebhookContentType;
  attempts: number;
  status?: number;
  error?: string;
  /** Real time of the last attempt. */
  time: string;
}

const ATTEMPT_DELAYS_MS = [0, 1_000, 3_000];

/**
 * Sends FAX_COMPLETED and INCOMING_FAX (reference §7). Statuses are derived lazily, so a light
 * poll notices faxes that became terminal. Sinch's 16-retry schedule is compressed to 3 attempts.
 * Only loopback URLs are called unless `allowExternalWebhooks` is on: no document leaves the machine.
 */
export class WebhookDispatcher {
  readonly log: WebhookDelivery[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: SinchStore, private readonly clock: LifecycleClock, private readonly options: SinchOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), 200);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    const now = this.clock.now();
    for (const fax of this.store.faxes.values()) {
      if (fax.webhookDone || !fax.callbackUrl) continue;
      if (!isTerminal(deriveState(fax, now).status)) continue;
      fax.webhookDone = true;
      void this.deliver('FAX_COMPLETED', fax, fax.callbackUrl, fax.callbackUrlContentType);
    }
  }

  incoming(fax: FaxRecord): void {
    const service = this.store.services.get(fax.serviceId);
    if (service?.incomingWebhookUrl) void this.deliver('INCOMING_FAX', fax, service.incomingWebhookUrl, service.webhookContentType);
  }

  reset(): void {
    this.log.length = 0;
  }

  private async deliver(event: WebhookDelivery['event'], fax: FaxRecord, url: string, contentType: WebhookContentType): Promise<void> {
    const entry: WebhookDelivery = { event, faxId: fax.id, url, contentType, attempts: 0, time: new Date().toISOString() };
    this.log.push(entry);
    if (!this.allowed(url)) {
      entry.error = 'Skipped: not a loopback URL (POST /__emulator/options {"allowExternalWebhooks":true} to allow)';
      return;
    }
    for (const delay of ATTEMPT_DELAYS_MS) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay).unref());
      entry.attempts++;
      entry.time = new Date().toISOString();
      try {
        const response = await fetch(url, { method: 'POST', ...this.body(event, fax, contentType), signal: AbortSignal.timeout(60_000) });
        entry.status = response.status;
        entry.error = undefined;
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      }
    }
  }

  private body(event: WebhookDelivery['event'], fax: FaxRecord, contentType: WebhookContentType): { body: string | FormData; headers?: Record<string, string> } {
    const eventTime = iso(this.clock.now());
    const wire = toWireFax(fax, this.clock.now());
    if (contentType === 'application/json') {
      const file = fax.document ? { file: fax.document.toString('base64'), fileType: 'PDF' } : {};
      return { body: JSON.stringify({ event, eventTime, fax: wire, ...file }), headers: { 'Content-Type': 'application/json' } };
    }
    const form = new FormData();
    form.append('event', event);
    form.append('eventTime', eventTime);
    form.append('fax', JSON.stringify(wire));
    if (fax.document) form.append('file', new Blob([new Uint8Array(fax.document)], { type: 'application/pdf' }), `${fax.id}.pdf`);
    return { body: form };
  }

  private allowed(url: string): boolean {
    if (this.options.allowExternalWebhooks) return true;
    try {
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      return host === 'localhost' || isLoopback(host);
    } catch {
      return false;
    }
  }
}
