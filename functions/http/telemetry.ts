import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The Powertools singletons of the HTTP functions, built once per container. No Tracer: with the `tracing` setting
 * Lambda's active tracing records each invocation, and Powertools' Tracer (aws-xray-sdk-core, cls-hooked, semver:
 * about 115 KB of every bundle, loaded even when tracing is off) added only a handler subsegment (`npm run bench`).
 */
const serviceName = 'quote-to-order-api';

export const logger = new Logger({ serviceName });
