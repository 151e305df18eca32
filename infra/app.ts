import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWebApp } from '#local/web-app.ts';
import { settingsFrom } from './settings.ts';
import { QuoteToOrderStack } from './stack.ts';

/**
 * The CDK entry (`cdk.json`: `npx tsx infra/app.ts`). cdk-nag's AwsSolutions pack runs at synth: a finding that is
 * not acknowledged (infra/nag.ts) stops the synth, so it never reaches a deploy.
 *
 * The `local` stage is for synthesizing offline (CI, tests) and is pinned to an account no credentials belong to, so
 * `cdk deploy` without `-c stage=dev|prod` fails before it changes anything.
 */
const localAccount = { account: '000000000000', region: 'us-east-1' };

const app = new App();
const configured = settingsFrom(app.node);
// A deploy ships the web app as it is in web/ now: built here, so `cdk deploy` needs no separate step.
const settings = {
  ...configured,
  webAssets: configured.webAssets ?? (configured.stage === 'local' ? undefined : await buildWebApp()),
};
new QuoteToOrderStack(app, settings.stackName, {
  settings,
  env:
    settings.stage === 'local'
      ? localAccount
      : { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: `quote-to-order (${settings.stage}): B2B RFQs, contract pricing, email-link approvals, orders`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
