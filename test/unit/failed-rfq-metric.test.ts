import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countFailedRfq, failedRfqMetric } from '#steps/failed-rfq-metric.ts';
import { lifecycleEvents } from '#steps/lifecycle-events.ts';

describe('what MarkFailed tells CloudWatch', () => {
  const saved = process.env.POWERTOOLS_METRICS_DISABLED;
  afterEach(() => {
    process.env.POWERTOOLS_METRICS_DISABLED = saved;
    vi.restoreAllMocks();
  });

  it('one RfqsFailed count in embedded metric format, under the namespace and service the alarm watches', () => {
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    countFailedRfq('rfq_1', 'TransientError');
    const emf = lines.map((line) => JSON.parse(line)).find((entry) => entry._aws);
    expect(emf._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: failedRfqMetric.namespace,
        Dimensions: [['service']],
        Metrics: [{ Name: failedRfqMetric.name, Unit: 'Count' }],
      },
    ]);
    expect(emf).toMatchObject({ service: failedRfqMetric.service, [failedRfqMetric.name]: 1, error: 'TransientError' });
  });
});

describe('docs/events.md', () => {
  it('documents every lifecycle event the steps publish', () => {
    const doc = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
    for (const type of [...lifecycleEvents, 'order.created']) expect(doc).toContain(`\`${type}\``);
  });
});
