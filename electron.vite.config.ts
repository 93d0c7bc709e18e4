import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Ships pdfjs-dist/wasm as out/renderer/pdfjs/wasm/ (the preview's `wasmUrl`): pdf.js decodes
 * CCITT fax and JBIG2 images with it, and renders scanned pages white without it. The QuickJS
 * files are left out: they only serve PDF scripting, which the preview never enables.
 */
function shipPdfjsWasm(): Plugin {
  const dir = resolve(root, 'node_modules/pdfjs-dist/wasm');
  return {
    name: 'faxdesk-pdfjs-wasm',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(dir)) {
        if (/quickjs/i.test(name)) continue;
        this.emitFile({ type: 'asset', fileName: `pdfjs/wasm/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}

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
    plugins: [react(), shipPdfjsWasm()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: 1.8 MB of JS for the page to parse.
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
