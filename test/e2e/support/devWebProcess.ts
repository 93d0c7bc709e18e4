import { spawn, type ChildProcess } from 'node:child_process';

/** Ports of a spec's own dev:web, `offset` above the suite's server (each such spec has its own). */
export function ownPorts(offset: number) {
  const base = Number(process.env.E2E_PORT ?? 5190) + offset;
  return { bridge: base, sinch: base + 1, welkin: base + 2, url: `http://127.0.0.1:${base}/` };
}

/**
 * Starts `dev:web` on `ports` with `dataDir` (and `env`), and answers once it serves the page.
 * `output` collects what it writes (its log), when given.
 */
export async function startDevWeb(
  ports: ReturnType<typeof ownPorts>, dataDir: string, env: Record<string, string> = {}, output?: string[],
): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/tsx', ['main/harness/devWeb.ts'], {
    env: {
      ...process.env, PORT: String(ports.bridge), FAXDESK_DATA_DIR: dataDir, FAXDESK_DEMO_SPEED: '4',
      FAXDESK_DEMO_SINCH_PORT: String(ports.sinch), FAXDESK_DEMO_WELKIN_PORT: String(ports.welkin), ...env,
    },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  child.stdout?.on('data', (chunk: Buffer) => output?.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output?.push(chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dev:web exited with ${child.exitCode}${output ? `: ${output.join('')}` : ''}`);
    if (await fetch(ports.url).then((r) => r.ok, () => false)) return child;
    if (Date.now() > deadline) throw new Error('dev:web did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops it: SIGTERM, then SIGKILL after 10 s. */
export async function stopDevWeb(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
