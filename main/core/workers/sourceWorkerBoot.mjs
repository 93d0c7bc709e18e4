// Starts a worker (a thread, or a process: entry in FAXDESK_TASK_ENTRY) from TypeScript sources
// (vitest, `tsx` runs of the core): registers tsx's loader, then loads the `.ts` entry. Built code never comes here: its entry is plain JS.
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// ES modules of packages are JavaScript already: load them as they are. Through tsx (its
// source-map handling) pdf.js takes 2–3 s to load instead of 0.3 s. (registerHooks: Node ≥ 22.15.)
nodeModule.registerHooks?.({
  load(url, context, nextLoad) {
    const packaged = url.startsWith('file:') && url.includes('/node_modules/') && url.endsWith('.mjs');
    return packaged ? { format: 'module', source: readFileSync(new URL(url)), shortCircuit: true } : nextLoad(url, context);
  },
});
await import(workerData?.entry ?? process.env.FAXDESK_TASK_ENTRY);
