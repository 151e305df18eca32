import { SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';
import { clientOptions, once } from './once.ts';

export const sesClient = /* @__PURE__ */ once(() => new SESv2Client(clientOptions(config().SES_ENDPOINT)));
