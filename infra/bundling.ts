/**
 * How every function is bundled: infra/function.ts hands these to NodejsFunction, bench/cold-start.ts to esbuild, so
 * the benchmark measures the bundles Lambda runs.
 *
 * CommonJS, not ESM: an ESM `import` of `node:http` (the AWS SDK's HTTP handler) builds Node's ESM facade of the
 * module, whose lazy getters load the bundled undici — measured at about a fifth of every function's init on Node 24
 * (nodejs/node#59686); `require` of the same module does not. Nothing in the handlers needs ESM at run time (no
 * top-level await, no import.meta), and esbuild reads the ESM builds of the dependencies either way.
 */
export const bundling = {
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  treeShaking: true,
  sourceMap: true,
  /** Lambda's runtime flag that makes stack traces point into our sources: it reads each bundle's map at init. */
  nodeOptions: '--enable-source-maps',
} as const;
