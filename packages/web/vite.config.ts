import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `npm run dev -w @openhtm/web` serves the app with hot reload and forwards /api to a running server
 * (`PORT=3100 npx htm start`); set HTM_API_URL to point elsewhere.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.HTM_API_URL ?? 'http://127.0.0.1:3100', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
