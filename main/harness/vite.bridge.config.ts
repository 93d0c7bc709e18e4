import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the browser half of the dev/test bridge as one classic script (loaded before the app). */
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../../out/harness'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'webBridge.ts'),
      formats: ['iife'],
      name: 'FaxdeskWebBridge',
      fileName: () => 'webBridge.js',
    },
    minify: false,
  },
});
