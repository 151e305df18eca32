import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { config } from '../config.ts';
import { clientOptions, once } from './once.ts';

export const eventsClient = once(() => new EventBridgeClient(clientOptions(config().EVENTS_ENDPOINT)));
