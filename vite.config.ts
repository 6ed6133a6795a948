import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from the app's own origin (custom protocol in Electron, loopback in the
// browser host), so relative asset paths keep both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
