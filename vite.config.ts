import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// One config for the dashboard build (web/ -> dist/web) and for vitest.
export default defineConfig({
  root: 'web',
  plugins: [svelte()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // ECharts is one lazily loaded chunk of about 630 kB (210 kB gzip), fetched on the first
    // chart, never with the entry (web/README.md "Bundle"); a warning on every build would
    // only teach people to ignore warnings.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev:web` proxies the API to a server started with `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB work is CPU-heavy on a 2-core machine; two files at a time keeps timings sane.
    maxWorkers: 2,
  },
});
