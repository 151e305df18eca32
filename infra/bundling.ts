import type { BuildOptions } from 'esbuild';

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
  /**
   * Each bundle's map is written beside it and read only when a 500 logs its stack (functions/http/source-mapped-stack.ts),
   * not at every start by `--enable-source-maps`, which parsed it at load: a seventh of each function's cold start.
   */
  sourceMap: true,
  /**
   * Lambda gives each function its role's credentials in the environment: the SDK's default credential chain (SSO, INI
   * files, processes, web identity, instance metadata, and the nested STS/SSO clients they carry) was a quarter of
   * every bundle, parsed at every cold start (get-rfq 559 → 426 KB, import CPU 143 → 111 ms side by side).
   */
  alias: { '@aws-sdk/credential-provider-node': './functions/clients/lambda-credentials.ts' },
  /**
   * Code that runs only on the local stack asks `process.env.BUNDLED_FOR_LAMBDA === 'true'`, which a function bundle
   * answers at build time, so the minifier drops the local branch and what only it imports: the local sign-in pool's
   * invitation mail took the SES client into every function that changes a company's people (+60 KB of 580).
   */
  define: { 'process.env.BUNDLED_FOR_LAMBDA': '"true"' },
} as const;

/**
 * The same bundle as esbuild's own options: what NodejsFunction gives esbuild's command line for each function
 * (infra/function.ts; stack.test.ts holds the two to the same bytes), for whatever bundles the functions without CDK —
 * the cold-start benchmark, and the infra tests, which bundle every function in one esbuild call instead of one
 * `npx esbuild` per function.
 */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  // NodejsFunction's target follows the runtime (infra/function.ts: Node.js 24).
  target: 'node24',
  format: bundling.format,
  mainFields: [...bundling.mainFields],
  minify: bundling.minify,
  treeShaking: bundling.treeShaking,
  alias: bundling.alias,
  define: bundling.define,
  sourcemap: bundling.sourceMap,
  sourcesContent: false,
} satisfies BuildOptions;
