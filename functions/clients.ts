import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';

/**
 * The AWS SDK clients, built once per container (per process locally) from the config. Endpoints are set only in
 * the local stack; on AWS the SDK finds its own.
 */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

const base = () => ({ region: config().AWS_REGION });

export const dynamoClient = once(
  () => new DynamoDBClient({ ...base(), ...(config().DYNAMODB_ENDPOINT && { endpoint: config().DYNAMODB_ENDPOINT }) }),
);
export const documentClient = once(() =>
  DynamoDBDocumentClient.from(dynamoClient(), { marshallOptions: { removeUndefinedValues: true } }),
);
export const sfnClient = once(
  () => new SFNClient({ ...base(), ...(config().SFN_ENDPOINT && { endpoint: config().SFN_ENDPOINT }) }),
);
export const sesClient = once(
  () => new SESv2Client({ ...base(), ...(config().SES_ENDPOINT && { endpoint: config().SES_ENDPOINT }) }),
);
export const eventsClient = once(
  () => new EventBridgeClient({ ...base(), ...(config().EVENTS_ENDPOINT && { endpoint: config().EVENTS_ENDPOINT }) }),
);
