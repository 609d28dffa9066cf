/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';

// During development the API server runs separately; TUKIPIIRI_API_URL overrides its address.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', 'TUKIPIIRI_');
  const target = env['TUKIPIIRI_API_URL'] ?? 'http://localhost:8080';
  return {
    server: {
      proxy: {
        '/api': { target, changeOrigin: false },
        '/actuator': { target, changeOrigin: false },
        '/ws': { target, ws: true, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        // the service worker is an entry of its own at the root, unhashed: its address is its identity, and a
        // worker's scope is its folder (src/push-worker)
        input: { main: 'index.html', 'push-worker': 'src/push-worker/service-worker.ts' },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'push-worker' ? 'push-worker.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts'],
    },
  };
});
