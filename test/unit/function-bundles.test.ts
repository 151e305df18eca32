import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routes } from '#http/routes.ts';
import { bundling } from '../../infra/bundling.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the route functions, bundled as infra/function.ts bundles them', () => {
  it('carry the SES client only where the route sends mail (the local sign-in pool is left out)', async () => {
    // The functions that reach a mailer at all: bundling all ~60 takes longer than a unit test may.
    const handlers = [
      ...new Set(routes.filter((route) => route.needs.signInAccounts || route.needs.sendEmail).map((r) => r.handler)),
    ];
    const { metafile } = await build({
      entryPoints: handlers.map((handler) => resolve(root, handler)),
      outdir: '/bundles',
      write: false,
      bundle: true,
      format: bundling.format,
      platform: 'node',
      mainFields: [...bundling.mainFields],
      alias: bundling.alias,
      define: bundling.define,
      minify: bundling.minify,
      treeShaking: bundling.treeShaking,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
    });
    const withSes = Object.values(metafile.outputs)
      .filter((output) => Object.keys(output.inputs).some((input) => input.includes('@aws-sdk/client-sesv2')))
      .map((output) => output.entryPoint)
      .sort();
    const sendingMail = [...new Set(routes.filter((route) => route.needs.sendEmail).map((route) => route.handler))];
    expect(withSes).toEqual(sendingMail.sort());
  });
});
