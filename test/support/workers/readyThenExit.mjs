// A worker that says it is ready and dies at once (as a start that runs out of memory just after
// can). It leaves a marker first, so a test can hold the main thread until both events are pending.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'ready' });
writeFileSync(join(tmpdir(), `faxdesk-ready-then-exit-${process.pid}`), '');
process.exit(3);
