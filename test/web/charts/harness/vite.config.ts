// Builds the EChart harness page (echart-wrapper.test.ts passes --outDir).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [svelte()],
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
