import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;
let collect: Collect | null | undefined;

/**
 * Asks V8 to collect garbage now, for code that streams large files through short-lived buffers.
 * V8 frees dead buffers only once about 64 MB more of them than at its last collection have piled
 * up, so sealing or checking a 20 MB document would otherwise leave tens of MB resident in the
 * core for a while (bench/documents, section send). 'minor' (the young generation, where buffers
 * used once die) takes about 1 ms; 'major' is for a worker, never the core's main thread.
 * `gc` is exposed to a new context only, the way test runners look for leaks; where that is not
 * possible, nothing happens.
 */
export function releaseGarbage(type: 'minor' | 'major' = 'minor'): void {
  if (collect === undefined) collect = findCollect();
  collect?.({ type });
}

function findCollect(): Collect | null {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return exposed;
  // Setting a V8 flag after start is allowed where flags are not frozen: Node, and Electron's main
  // process, which starts V8 with --no-freeze-flags-after-init (shell/browser/javascript_environment.cc).
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as Collect;
  } catch {
    return null;
  }
}
