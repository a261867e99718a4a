/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './scripts/graphql-documents-plugin.js';

const own = (name: string) => fileURLToPath(new URL(`./node_modules/${name}`, import.meta.url));
const root = (name: string) => fileURLToPath(new URL(`../../node_modules/${name}`, import.meta.url));

const api = process.env.API_URL ?? 'http://localhost:3000';

/**
 * The portal. `npm run dev` serves it with hot reload and proxies the API paths to a running API;
 * `npm run build` writes `dist/`, which the API serves at `/`.
 */
export default defineConfig({
  plugins: [react(), graphqlDocuments()],
  // the repository root has React 18 (the GraphiQL explorer): one React, this package's, in the bundle
  resolve: { dedupe: ['react', 'react-dom'] },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/auth': api,
      '/files': api,
      '/exports': api,
      '/calendar': api,
      '/health': api,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // .vite/manifest.json: the API reads it to preload a page's route chunk with the HTML (apps/api/src/web/portal.ts)
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-support/setup.ts'],
    css: false,
    // The repository root keeps React 18 for the API's GraphiQL explorer, and npm hoists the React
    // libraries below to the root, where Node would load them (as CommonJS) with that React. In tests
    // they load as ES modules transformed by Vite, so their `react` imports take this package's React.
    server: {
      deps: {
        inline: [
          /@testing-library\/react/,
          /react-router/,
          /urql/,
          /react-i18next/,
          /@mantine\/core/,
          /@floating-ui\/react/,
        ],
      },
    },
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: root('@testing-library/react/dist/@testing-library/react.esm.js'),
      },
      { find: /^react-router$/, replacement: root('react-router/dist/development/index.mjs') },
      { find: /^urql$/, replacement: root('urql/dist/urql.es.js') },
      { find: /^react-i18next$/, replacement: root('react-i18next/dist/es/index.js') },
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: fileURLToPath(new URL('./src/test-support/use-sync-external-store-shim.ts', import.meta.url)),
      },
      { find: /^react$/, replacement: own('react/index.js') },
      { find: /^react\/(jsx-runtime|jsx-dev-runtime)$/, replacement: own('react/$1.js') },
      { find: /^react-dom$/, replacement: own('react-dom/index.js') },
      { find: /^react-dom\/(client|test-utils)$/, replacement: own('react-dom/$1.js') },
    ],
  },
});
