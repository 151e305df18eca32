import { type App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { settingsFrom } from '../../infra/settings.ts';
import { QuoteToOrderStacks } from '../../infra/stacks.ts';

// biome-ignore lint/suspicious/noExplicitAny: a synthesized CloudFormation template is untyped JSON
export type Json = Record<string, any>;

/** Replaces every `Fn::ImportValue` by the value its export names, so a reference reads the same in any stack. */
const dereference = (value: unknown, exports: ReadonlyMap<string, unknown>): unknown => {
  if (Array.isArray(value)) return value.map((item) => dereference(item, exports));
  if (!value || typeof value !== 'object') return value;
  const imported = (value as Json)['Fn::ImportValue'];
  if (typeof imported === 'string' && exports.has(imported)) return exports.get(imported);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, dereference(item, exports)]));
};

/**
 * The app's stacks as one template: every stack's resources together (logical ids are unique across them), with the
 * imports between stacks replaced by what they import — what each resource refers to, wherever it lives.
 */
export const synthesized = (stacks: QuoteToOrderStacks) => {
  const templates = new Map(stacks.stacks.map((stack) => [stack.stackName, Template.fromStack(stack).toJSON()]));
  const exports = new Map<string, unknown>();
  for (const template of templates.values()) {
    for (const output of Object.values<Json>(template.Outputs ?? {})) {
      if (output.Export) exports.set(output.Export.Name, output.Value);
    }
  }
  const resources: Record<string, Json> = {};
  const outputs: Record<string, Json> = {};
  for (const [stackName, template] of templates) {
    for (const [id, resource] of Object.entries<Json>(template.Resources)) {
      if (id === 'CDKMetadata') continue;
      if (id in resources) throw new Error(`${stackName} and another stack both have a resource ${id}`);
      resources[id] = dereference(resource, exports) as Json;
    }
    for (const [id, output] of Object.entries<Json>(template.Outputs ?? {})) {
      if (!output.Export) outputs[id] = output;
    }
  }
  const template = Template.fromJSON({ Resources: resources, Outputs: outputs });
  const ofType = (type: string): [string, Json][] =>
    Object.entries(resources).filter(([, resource]) => resource.Type === type);
  /** The logical id of a construct's function, in whichever stack it is. */
  const functionId = (construct: IConstruct): string => {
    const { functionArn } = construct as unknown as { functionArn: string };
    return (Stack.of(construct).resolve(functionArn) as Json)['Fn::GetAtt'][0];
  };
  return { stacks, templates, resources, outputs, template, ofType, functionId };
};

/** The app as infra/stacks.ts builds it, from the app's context (the tests' own settings). */
export const quoteToOrderIn = (app: App): QuoteToOrderStacks =>
  new QuoteToOrderStacks(app, { settings: settingsFrom(app.node), description: 'quote-to-order (test)' });
