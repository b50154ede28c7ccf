/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server the dev server forwards the API to (`npm run dev`): a distribution on its default port.
const server = process.env.STEADFAST_DEV_SERVER ?? 'http://localhost:8181';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // the Maven build copies dist/ into the bundle under /web; source maps would double its size
    sourcemap: false,
    target: 'es2022',
    // the budget is checked by scripts/check-budget.mjs, not by this warning
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/health': { target: server, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    // two workers: Maven builds one module at a time, so the web module has the machine's two cores to itself
    maxWorkers: 2,
  },
});
