import { listenEmulator, type EmulatorContext, type RunningEmulator } from '../shared/emulatorServer';
import { FaultInjector } from '../shared/faults';
import { LifecycleClock } from '../shared/lifecycleClock';
import { DEFAULT_TOKEN_TTL_SECONDS, SINCH_DEMO_CREDENTIALS, type SinchCredentials } from './constants';
import { sinchErrorBody } from './errors';
import { SinchEmulatorApp } from './sinchApp';

export { SINCH_DEMO_CREDENTIALS, SINCH_DEMO_NUMBER, SINCH_TEST_NUMBERS, type SinchCredentials, type SinchTestNumber } from './constants';
export { SinchEmulatorApp } from './sinchApp';
export { SinchControlClient } from './sinchControlClient';
export type { SinchWireFax, SinchControlFax } from './wire';
export type { WebhookDelivery } from './webhooks';

export interface SinchEmulatorOptions {
  /** Lifecycle speed (1 = real time). */
  speed?: number;
  credentials?: Partial<SinchCredentials>;
  /** Lifetime of issued OAuth tokens; short values exercise a client's refresh. */
  tokenTtlSeconds?: number;
  /** Sinch's "prior week" default list window (off by default: tests use fixed dates). */
  priorWeekDefaultWindow?: boolean;
  /** Allow webhooks to non-loopback URLs (off by default). */
  allowExternalWebhooks?: boolean;
}

export interface SinchEmulator {
  app: SinchEmulatorApp;
  context: EmulatorContext;
}

/** Builds the emulator without listening (for embedding in another server or unit tests). */
export function createSinchEmulator(options: SinchEmulatorOptions = {}): SinchEmulator {
  const clock = new LifecycleClock(options.speed ?? 1);
  const credentials: SinchCredentials = { ...SINCH_DEMO_CREDENTIALS, ...options.credentials };
  const app = new SinchEmulatorApp(credentials, clock, {
    priorWeekDefaultWindow: options.priorWeekDefaultWindow ?? false,
    allowExternalWebhooks: options.allowExternalWebhooks ?? false,
  }, options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const faults = new FaultInjector({ errorBody: (status, message) => sinchErrorBody(status, message) });
  return { app, context: { clock, faults } };
}

export type RunningSinchEmulator = RunningEmulator & SinchEmulator;

/** Starts the emulator on 127.0.0.1 (port 0 = a free port). The app's Demo account embeds it this way. */
export async function startSinchEmulator(options: SinchEmulatorOptions & { port?: number; host?: string } = {}): Promise<RunningSinchEmulator> {
  const emulator = createSinchEmulator(options);
  const running = await listenEmulator(emulator.app, emulator.context, options.port ?? 0, options.host ?? '127.0.0.1');
  emulator.app.webhooks.start();
  return {
    ...running,
    ...emulator,
    close: async () => {
      emulator.app.webhooks.stop();
      await running.close();
    },
  };
}
