import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { once } from '#functions/clients/once.ts';

/**
 * The metric an RFQ ending FAILED emits (CloudWatch embedded metric format, from MarkFailed's log line), and what the
 * alarm in infra/observability.ts watches — both read this one definition, so namespace, name and dimension agree.
 */
export const failedRfqMetric = {
  namespace: 'QuoteToOrder',
  name: 'RfqsFailed',
  /** Powertools' default dimension: `service`. */
  service: 'quote-to-order-steps',
} as const;

const metrics = once(() => new Metrics({ namespace: failedRfqMetric.namespace, serviceName: failedRfqMetric.service }));

/** Counts one FAILED RFQ at once (a step has no middleware to flush at the end); the error name rides as metadata. */
export const countFailedRfq = (rfqId: string, errorName: string): void => {
  const emf = metrics();
  emf.addMetric(failedRfqMetric.name, MetricUnit.Count, 1);
  emf.addMetadata('rfqId', rfqId);
  emf.addMetadata('error', errorName);
  emf.publishStoredMetrics();
};
