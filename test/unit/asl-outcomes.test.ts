import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionPath, stepFunctions } from '#workflows/quote-to-order.ts';

interface State {
  Type: string;
  Next?: string;
  Default?: string;
  Parameters?: { FunctionName?: string };
  Choices?: { Variable?: string; StringEquals?: string }[];
  ItemProcessor?: { States: Record<string, State> };
}

const definition = JSON.parse(readFileSync(definitionPath, 'utf8')) as { States: Record<string, State> };

/** Every state, Map iterations included, by name. */
const statesOf = (states: Record<string, State>): [string, State][] =>
  Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, State],
    ...(state.ItemProcessor ? statesOf(state.ItemProcessor.States) : []),
  ]);
const states = statesOf(definition.States);

/** The outcomes a Task's handler module exports (`outcomes … as const`). */
const outcomesOf = async (task: State): Promise<readonly string[]> => {
  const key = /^\$\{(\w+)\}$/.exec(task.Parameters?.FunctionName ?? '')?.[1];
  const spec = key ? stepFunctions[key] : undefined;
  if (!spec) throw new Error(`no step function behind ${task.Parameters?.FunctionName}`);
  const module = (await import(`../../${spec.handler}`)) as { outcomes?: readonly string[] };
  if (!module.outcomes) throw new Error(`${spec.handler} exports no outcomes`);
  return module.outcomes;
};

describe('the workflow’s choices and the steps that feed them', () => {
  const choices = states.filter(([, state]) => state.Type === 'Choice');

  it('has choices to check', () => {
    expect(choices.map(([name]) => name).sort()).toEqual([
      'BuyerOutcome',
      'LevelOutcome',
      'OrderOutcome',
      'RouteReview',
    ]);
  });

  it.each(choices)(
    '%s compares $.outcome against exactly the outcomes its steps export',
    async (name, choice) => {
      const feeders = states.filter(([, state]) => state.Type === 'Task' && state.Next === name);
      expect(feeders.length, `tasks leading to ${name}`).toBeGreaterThan(0);
      const exported = new Set((await Promise.all(feeders.map(([, task]) => outcomesOf(task)))).flat());
      expect(choice.Choices?.every((c) => c.Variable === '$.outcome')).toBe(true);
      const compared = choice.Choices?.map((c) => c.StringEquals) ?? [];
      expect(new Set(compared).size, 'no value compared twice').toBe(compared.length);
      expect([...compared].sort()).toEqual([...exported].sort());
      const failure = states.find(([state]) => state === choice.Default)?.[1];
      expect(failure?.Type === 'Fail' || choice.Default === 'MarkFailed', 'anything else is a failure').toBe(true);
      // Importing a step module (and the AWS SDK behind it) took 6 s on the loaded 2-core machine.
    },
    60_000,
  );
});
