import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { defineQuoteToOrder } from '../../infra/quote-to-order.ts';

/**
 * `cdk synth -c stage=prod|dev` as an operator runs it before a deploy: a concrete account and region (the CLI passes
 * the ones it deploys to), real addresses, and cdk-nag's AwsSolutions pack installed as in infra/app.ts, so any
 * unacknowledged finding fails the synth here as it would there. Functions are not bundled (stack.test.ts bundles
 * them): a finding is about the template.
 */
const target = { account: '210987654321', region: 'eu-north-1' };
const addresses = {
  mailFrom: 'quotes@northwind-industrial.se',
  salesManagerEmail: 'taylor@northwind-industrial.se',
  alarmEmail: 'oncall@northwind-industrial.se',
};

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(['prod', 'dev'])('cdk synth -c stage=%s for a real account and region', (stage) => {
  it('passes, cdk-nag included, with the acknowledgments matching the concrete account and region', async () => {
    const outdir = mkdtempSync(join(tmpdir(), `quote-to-order-${stage}-`));
    outdirs.push(outdir);
    const app = new App({
      outdir,
      context: { stage, ...addresses, webAssets: 'test/fixtures/web-dist', 'aws:cdk:bundling-stacks': [] },
    });
    const stack = await defineQuoteToOrder(app, target);
    expect(stack.resolve(stack.account)).toBe(target.account);
    expect(stack.resolve(stack.region)).toBe(target.region);
    // The validation plugins run inside synth and throw on any error, naming each finding.
    const assembly = app.synth();
    expect(assembly.stacks.map((artifact) => artifact.environment)).toEqual([
      expect.objectContaining({ account: target.account, region: target.region }),
    ]);
    expect(JSON.stringify(assembly.getStackArtifact(stack.artifactId).template)).toContain(
      `cdk-hnb659fds-assets-${target.account}-${target.region}`,
    );
  });
});
