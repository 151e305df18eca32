import { SFNClient } from '@aws-sdk/client-sfn';
import { config } from '../config.ts';
import { clientOptions, once } from './once.ts';

export const sfnClient = once(() => new SFNClient(clientOptions(config().SFN_ENDPOINT)));
