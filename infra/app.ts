import { App } from 'aws-cdk-lib';
import { defineQuoteToOrder } from './quote-to-order.ts';

/**
 * The CDK entry (`cdk.json`: `npx tsx infra/app.ts`). The CLI tells the app its account and region through
 * CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION, from the credentials and region it deploys with.
 */
const app = new App();
await defineQuoteToOrder(app, { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION });
app.synth();
