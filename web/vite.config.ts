import { defineConfig } from 'vite';

/**
 * The buyer's web app, served under /app on the API's origin (locally by the local API server, on AWS by CloudFront
 * in front of the bucket), so it calls the API without CORS. Preact through the automatic JSX runtime: no plugin.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', sourcemap: true, emptyOutDir: true },
  logLevel: 'warn',
});
