import { type App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWebApp } from '#local/web-app.ts';
import { settingsFrom } from './settings.ts';
import { QuoteToOrderStacks } from './stacks.ts';

/**
 * The `local` stage is for synthesizing offline (CI, tests) and is pinned to an account no credentials belong to, so
 * `cdk deploy` without `-c stage=dev|prod` fails before it changes anything.
 */
const localAccount = { account: '000000000000', region: 'us-east-1' };

/**
 * The whole app as a deploy synthesizes it, for `infra/app.ts` and the tests alike: settings from context, the web app
 * built for a deploy stage, the stacks in `target` (the CLI's account and region) and cdk-nag's AwsSolutions pack,
 * whose unacknowledged findings stop the synth.
 */
export const defineQuoteToOrder = async (app: App, target: Environment): Promise<QuoteToOrderStacks> => {
  const configured = settingsFrom(app.node);
  // A deploy ships the web app as it is in web/ now: built here, so `cdk deploy` needs no separate step.
  const settings = {
    ...configured,
    webAssets: configured.webAssets ?? (configured.stage === 'local' ? undefined : await buildWebApp()),
  };
  const stacks = new QuoteToOrderStacks(app, {
    settings,
    env: settings.stage === 'local' ? localAccount : target,
    description: `quote-to-order (${settings.stage}): B2B RFQs, contract pricing, email-link approvals, orders`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stacks;
};
