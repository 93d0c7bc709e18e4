import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds every bench (bench/*.ts) as Electron runs the core: bundled JavaScript on Node 22, packages
 * left in node_modules (as in out/main), no tsx loader (its transform and source maps add ≈ 280 MB
 * once pdf.js loads, which would hide the growth a bench measures). Output: out/bench/<name>.js,
 * all files side by side, so each finds taskWorker.js (the core's worker entry) and emulatorCli.js
 * (emulators in child processes) next to itself. Run through `npm run bench:<name>`.
 */
const root = resolve(import.meta.dirname, '..');
const benches = Object.fromEntries(readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.config.ts'))
  .map((file) => [file.slice(0, -'.ts'.length), resolve(import.meta.dirname, file)]));

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true, // a Node build: dependencies stay external imports
    target: 'node22',
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        ...benches,
        taskWorker: resolve(root, 'main/core/workers/taskWorker.ts'),
        emulatorCli: resolve(root, 'main/emulators/cli.ts'),
        killableCore: resolve(root, 'test/support/killableCore.ts'),
        inboxCoreChild: resolve(root, 'test/support/inboxCoreChild.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
