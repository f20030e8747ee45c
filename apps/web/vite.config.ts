import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [vue()],
  resolve: {
    alias: { '@tongke/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
  },
  build: { outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)), emptyOutDir: true },
  // /socket.io carries the API's /collab namespace (Yjs co-editing).
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
