import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The core's worker threads start from taskWorker.js, found next to index.js at run time
      // (main/core/workers/corePool.ts).
      lib: {
        entry: { index: resolve(root, 'main/shell/index.ts'), taskWorker: resolve(root, 'main/core/workers/taskWorker.ts') },
        formats: ['es'],
      },
      // Dependencies stay in node_modules (keytar is native; pdf.js loads its worker at run time).
      externalizeDeps: true,
      rollupOptions: {
        output: {
          // The Demo accounts' emulators: one chunk, loaded only when a demo account is first used
          // (their constants, which the demo accounts' settings need at once, stay in the main bundle).
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ name: 'emulators', test: /[\\/]main[\\/]emulators[\\/](?!.*constants\.ts$)/ }],
          },
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require() anything but electron: bundle everything into one CJS file.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { format: "cjs", entryFileNames: "index.cjs", codeSplitting: false } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: 1.8 MB of JS for the page to parse.
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
