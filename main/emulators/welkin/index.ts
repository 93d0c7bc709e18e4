import { listenEmulator, type EmulatorContext, type RunningEmulator } from '../shared/emulatorServer';
import { FaultInjector } from '../shared/faults';
import { LifecycleClock } from '../shared/lifecycleClock';
import { WelkinEmulatorApp } from './app';
import { errorBodyFor } from './errors';

export { WelkinEmulatorApp, type WelkinFaxDump } from './app';
export { WelkinControlClient } from './welkinControlClient';
export {
  WELKIN_DEMO_CREDENTIALS, WELKIN_TEST_NUMBERS, MAX_FILES_PER_FAX, MAX_TOTAL_BYTES, ALLOWED_EXTENSIONS, DEFAULT_PROCESSING_MS,
  type WelkinTestNumber,
} from './constants';
export type { WelkinFaxWire, WelkinFaxFileWire } from './lifecycle';
export type { WelkinErrorItem } from './errors';
export type { WelkinPatient, WelkinDocumentType } from './seed';

export interface WelkinEmulatorOptions {
  /** Lifecycle clock speed: 1 = real time, 0 = frozen, 10 = ten times faster. */
  speed?: number;
  tokenTtlSeconds?: number;
}

export function createWelkinEmulator(options: WelkinEmulatorOptions = {}): { app: WelkinEmulatorApp; context: EmulatorContext } {
  const clock = new LifecycleClock(options.speed ?? 1);
  const app = new WelkinEmulatorApp(clock, options.tokenTtlSeconds);
  const context: EmulatorContext = { clock, faults: new FaultInjector({ errorBody: errorBodyFor }) };
  return { app, context };
}

export type RunningWelkinEmulator = RunningEmulator & { app: WelkinEmulatorApp; context: EmulatorContext };

/** Starts the emulator on `host` (127.0.0.1) and `port` (0 = random), in-process (Demo account, tests). */
export async function startWelkinEmulator(
  options: WelkinEmulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningWelkinEmulator> {
  const { app, context } = createWelkinEmulator(options);
  const running = await listenEmulator(app, context, options.port ?? 0, options.host ?? '127.0.0.1');
  return { ...running, app, context };
}
