import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { EmulatorControlClient } from '../../main/emulators/shared/controlClient';
import type { RunningEmulator } from '../../main/emulators/shared/emulatorServer';
import { startSinchEmulator, type RunningSinchEmulator, type SinchEmulatorOptions } from '../../main/emulators/sinch/index';
import { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import { startWelkinEmulator, type RunningWelkinEmulator, type WelkinEmulatorOptions } from '../../main/emulators/welkin/index';
import { WelkinControlClient } from '../../main/emulators/welkin/welkinControlClient';
import { TempFolder } from './tempFolder';

/**
 * The one emulator set-up of the suites: one emulator and temp folder per suite (a test file or a
 * describe block), and before each test a reset with the clock back at the suite's speed. The
 * returned object is filled in by `beforeAll`; read its fields inside hooks and tests.
 */
export interface EmulatorSuite<Emulator extends RunningEmulator, Control> {
  emulator: Emulator;
  url: string;
  control: Control;
  files: TempFolder;
}

/** `suite` may be an object of the caller's (a class with helpers of its own) to fill in. */
export function useEmulatorSuite<Emulator extends RunningEmulator, Control extends EmulatorControlClient<unknown, unknown>, Suite extends EmulatorSuite<Emulator, Control>>(
  start: () => Promise<Emulator>, controlFor: (url: string) => Control, speed: number, suite = {} as Suite,
): Suite {
  beforeAll(async () => {
    suite.emulator = await start();
    suite.url = suite.emulator.url;
    suite.control = controlFor(suite.url);
    suite.files = await TempFolder.create();
  });
  afterAll(async () => {
    await suite.emulator?.close();
    await suite.files?.remove();
  });
  beforeEach(async () => {
    await suite.control.reset();
    await suite.control.clock({ speed });
  });
  return suite;
}

export type SinchSuite = EmulatorSuite<RunningSinchEmulator, SinchControlClient>;

export function useSinchEmulator(options: SinchEmulatorOptions = {}): SinchSuite {
  return useEmulatorSuite(() => startSinchEmulator({ port: 0, ...options }), (url) => new SinchControlClient(url), options.speed ?? 1);
}

export type WelkinSuite = EmulatorSuite<RunningWelkinEmulator, WelkinControlClient>;

export function useWelkinEmulator(options: WelkinEmulatorOptions = {}): WelkinSuite {
  return useEmulatorSuite(() => startWelkinEmulator({ port: 0, ...options }), (url) => new WelkinControlClient(url), options.speed ?? 1);
}
