import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { staticDirsPlugin } from './scripts/vite/static-dirs-plugin.ts';

const cesiumBuild = path.resolve(import.meta.dirname, 'node_modules/cesium/Build/Cesium');
const CESIUM_BASE_URL = '/cesium';

/** The e2e build (`vite build --mode e2e`): minified like production, plus the test hooks, in dist-e2e/. */
const E2E_MODE = 'e2e';
const E2E_OUT_DIR = 'dist-e2e';

/** The participation server (server/main.ts, `npm run server`) that answers /api; the browser tests start their own. */
const PARTICIPATION_SERVER = `http://127.0.0.1:${process.env['PARTICIPATION_PORT'] ?? 8790}`;

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    staticDirsPlugin([
      ...['Workers', 'Assets', 'ThirdParty', 'Widgets'].map((folder) => ({
        urlPrefix: `${CESIUM_BASE_URL}/${folder}`,
        dir: path.join(cesiumBuild, folder),
      })),
      { urlPrefix: '/tilesets', dir: path.resolve(import.meta.dirname, 'tilesets') },
      { urlPrefix: '/scenarios', dir: path.resolve(import.meta.dirname, 'scenarios') },
    ]),
  ],
  define: {
    CESIUM_BASE_URL: JSON.stringify(CESIUM_BASE_URL),
    __TEST_HOOKS__: JSON.stringify(mode === E2E_MODE),
  },
  build: {
    outDir: mode === E2E_MODE ? E2E_OUT_DIR : 'dist',
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/cesium') || id.includes('node_modules/@cesium')) return 'cesium';
          if (id.includes('node_modules/@deck.gl') || id.includes('node_modules/@luma.gl')) return 'deck';
          if (id.includes('node_modules/react') || id.includes('node_modules/resium')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': PARTICIPATION_SERVER } },
  preview: { proxy: { '/api': PARTICIPATION_SERVER } },
}));
