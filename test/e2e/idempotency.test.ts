import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reloadConfig } from '#functions/config.ts';
import { useTestStack } from './test-stack.ts';
import { anRfqRequest, idempotencyKey, people, seed } from './world.ts';

const api = useTestStack('idempotency', { seed: false, holdWorkflow: true });
beforeAll(() => seed(api));

describe('POST /rfqs under concurrent retries', () => {
  it('makes one RFQ and one execution from 20 concurrent requests with one Idempotency-Key, answering all 20 alike', async () => {
    const key = idempotencyKey();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('POST', '/rfqs', { as: people.acmeBuyer, body: anRfqRequest(), headers: { 'idempotency-key': key } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const [first] = answers;
    for (const answer of answers) {
      expect(answer.body).toEqual(first!.body);
      expect(answer.headers.get('location')).toBe(`/rfqs/${first!.body.rfqId}`);
    }
    const rfqs = await api.call('GET', '/rfqs?limit=100', { as: people.acmeBuyer });
    expect(rfqs.body.items.filter((r: { rfqId: string }) => r.rfqId === first!.body.rfqId)).toHaveLength(1);
    expect(rfqs.body.items).toHaveLength(1);
    expect(api.stepFunctions.executions().filter((e) => e.name === first!.body.rfqId)).toHaveLength(1);
    expect(api.stepFunctions.executions()).toHaveLength(1);
  });

  it('gives two buyers using the same key two different RFQs', async () => {
    const key = idempotencyKey();
    const [acme, globex] = await Promise.all([
      api.call('POST', '/rfqs', { as: people.acmeBuyer, body: anRfqRequest(), headers: { 'idempotency-key': key } }),
      api.call('POST', '/rfqs', { as: people.globexBuyer, body: anRfqRequest(), headers: { 'idempotency-key': key } }),
    ]);
    expect(acme.status).toBe(201);
    expect(globex.status).toBe(201);
    expect(acme.body.rfqId).not.toBe(globex.body.rfqId);
  });

  it('completes a submission whose first attempt stored the RFQ but failed to start the workflow', async () => {
    const key = idempotencyKey();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The first attempt meets a state machine that is not there: the RFQ is stored, the start fails, 503.
    const arn = process.env.STATE_MACHINE_ARN!;
    process.env.STATE_MACHINE_ARN = `${arn}-missing`;
    reloadConfig();
    const first = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest(),
      headers: { 'idempotency-key': key },
    });
    process.env.STATE_MACHINE_ARN = arn;
    reloadConfig();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    const retry = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: anRfqRequest(),
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect((await api.store.rfqs.history(retry.body.rfqId)).map((e) => e.action)).toEqual(['submitted']);
    expect(api.stepFunctions.executions().filter((e) => e.name === retry.body.rfqId)).toHaveLength(1);
  });

  it('gives 50 submissions at once 50 distinct consecutive quote numbers, and a retry the number it got', async () => {
    const keys = Array.from({ length: 50 }, idempotencyKey);
    const submit = (key: string) =>
      api.call('POST', '/rfqs', { as: people.acmeBuyer, body: anRfqRequest(), headers: { 'idempotency-key': key } });
    const answers = await Promise.all(keys.map(submit));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const numbers = answers.map((a) => a.body.quoteNumber as string);
    const series = `Q-${new Date().getUTCFullYear()}-`;
    const serials = numbers.map((n) => Number(n.slice(series.length))).sort((a, b) => a - b);
    expect(numbers.every((n) => n.startsWith(series))).toBe(true);
    expect(new Set(serials).size).toBe(50);
    expect(serials.at(-1)! - serials[0]!).toBe(49);
    const retried = await submit(keys[7]!);
    expect(retried.body.quoteNumber).toBe(numbers[7]);
    const stored = await api.call('GET', `/rfqs/${retried.body.rfqId}`, { as: people.acmeBuyer });
    expect(stored.body.quoteNumber).toBe(numbers[7]);
  });
});
