/**
 * `npm run emulator -- sinch [--port 4010] [--speed 1]` / `npm run emulator -- welkin [--port 4020] [--speed 1]`.
 * Prints exactly `listening on http://127.0.0.1:<port>` (other tools wait for that line).
 */
import { startSinchEmulator } from './sinch/index';
import { startWelkinEmulator } from './welkin/index';

const DEFAULT_PORTS = { sinch: 4010, welkin: 4020 } as const;
const USAGE = 'usage: npm run emulator -- <sinch|welkin> [--port N] [--speed X]';

interface CliArgs {
  which: keyof typeof DEFAULT_PORTS;
  port: number;
  speed: number;
}

function parseArgs(argv: string[]): CliArgs {
  const which = argv[0];
  if (which !== 'sinch' && which !== 'welkin') throw new Error(USAGE);
  let port: number = DEFAULT_PORTS[which];
  let speed = 1;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // Both `--port 4010` and `--port=4010`.
    const [flag, inline] = arg.split('=', 2);
    const value = Number(inline ?? argv[++i]);
    if (flag === '--port' && Number.isInteger(value) && value >= 0 && value < 65536) port = value;
    else if (flag === '--speed' && Number.isFinite(value) && value >= 0) speed = value;
    else throw new Error(`bad argument ${arg}\n${USAGE}`);
  }
  return { which, port, speed };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const state: { running?: { url: string; close(): Promise<void> } } = {};
  let closing = false;
  // Installed before listening, so a signal during start-up still ends the process cleanly.
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    // Do not hang on a stuck connection.
    setTimeout(() => process.exit(0), 2_000).unref();
    (state.running ? state.running.close() : Promise.resolve()).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const running = args.which === 'sinch'
    ? await startSinchEmulator({ port: args.port, speed: args.speed })
    : await startWelkinEmulator({ port: args.port, speed: args.speed });
  state.running = running;
  if (closing) {
    await running.close();
    return;
  }
  process.stdout.write(`listening on ${running.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
