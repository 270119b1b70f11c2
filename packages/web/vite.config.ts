import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `npm run dev -w @openhtm/web` serves the app with hot reload and forwards /api to a running server
 * (`PORT=3100 npx htm start`); set HTM_API_URL to point elsewhere.
 *
 * Each page is a chunk of its own (`src/app/router.tsx`). React and the router, and the other libraries the login page
 * and the shell need, are two chunks of their own, which stay cached across releases that change only the app; the
 * libraries only some pages use (dates, dropzone, the barcode reader) come with those pages.
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
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      // @openhtm/domain is pure (no I/O, nothing runs on import), so a module of it that no page uses is left out.
      treeshake: { moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
