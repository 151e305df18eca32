import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { clientOptions, once } from './once.ts';

export const dynamoClient = once(() => new DynamoDBClient(clientOptions(config().DYNAMODB_ENDPOINT)));
export const documentClient = once(() =>
  DynamoDBDocumentClient.from(dynamoClient(), { marshallOptions: { removeUndefinedValues: true } }),
);
