import { createRequire } from 'node:module';
import { isJsonObject, type Json, type JsonObject } from './json.ts';

type AslValidator = (
  definition: unknown,
  options: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

/** A state as it appears in the ASL: we only read a few fields, and keep the rest as they are. */
export type StateDefinition = JsonObject & { Type: string };
export interface MachineDefinition extends JsonObject {
  StartAt: string;
  States: Record<string, StateDefinition>;
}

/** Fields aws-local-stepfunctions 3.0 would silently ignore: running them would behave differently from AWS. */
const unsupportedFields: Record<string, string> = {
  QueryLanguage: 'JSONata (QueryLanguage) is not supported by the local engine; use JSONPath',
  Assign: 'variables (Assign) are not supported by the local engine',
  Arguments: 'Arguments is a JSONata field; use Parameters',
  Items: 'Items is a JSONata field; use ItemsPath',
  Output: 'Output is a JSONata field; use OutputPath/ResultSelector',
  Credentials: 'cross-account Task Credentials are not supported by the local engine',
  ItemReader: 'distributed Map (ItemReader) is not supported by the local engine',
  ItemBatcher: 'distributed Map (ItemBatcher) is not supported by the local engine',
  ResultWriter: 'distributed Map (ResultWriter) is not supported by the local engine',
  ToleratedFailurePercentage: 'ToleratedFailurePercentage is not supported by the local engine',
  ToleratedFailurePercentagePath: 'ToleratedFailurePercentagePath is not supported by the local engine',
  ToleratedFailureCount: 'ToleratedFailureCount is not supported by the local engine',
  ToleratedFailureCountPath: 'ToleratedFailureCountPath is not supported by the local engine',
};

/** asl-validator takes about half a second per call: tests and restarts validate the same definitions again. */
const validated = new Set<string>();

/** Replaces every `${Key}` as CloudFormation's DefinitionSubstitutions would; a key left over is an error. */
export const substitute = (text: string, substitutions: Record<string, string>): string => {
  const missing = new Set<string>();
  const result = text.replace(/\$\{([^}]+)\}/g, (whole, key: string) => {
    const value = substitutions[key];
    if (value === undefined) {
      missing.add(key);
      return whole;
    }
    // Values land inside JSON strings (ARNs, names): escape them as such.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`no substitution for ${[...missing].map((key) => `\${${key}}`).join(', ')}`);
  return result;
};

const refuseUnsupported = (states: Record<string, StateDefinition>, where: string[], problems: string[]): void => {
  for (const [name, state] of Object.entries(states)) {
    for (const [field, reason] of Object.entries(unsupportedFields)) {
      if (field in state && !(field === 'QueryLanguage' && state[field] === 'JSONPath')) {
        problems.push(`state "${[...where, name].join('/')}": ${reason}`);
      }
    }
    const processorConfig = isJsonObject(state.ItemProcessor) ? state.ItemProcessor.ProcessorConfig : undefined;
    if (isJsonObject(processorConfig) && processorConfig.Mode === 'DISTRIBUTED') {
      problems.push(`state "${[...where, name].join('/')}": distributed Map is not supported by the local engine`);
    }
    for (const nested of nestedMachines(state)) refuseUnsupported(nested.States, [...where, name], problems);
  }
};

/** The state machines inside a Map (ItemProcessor or the older Iterator) or a Parallel (Branches). */
export const nestedMachines = (state: StateDefinition): MachineDefinition[] => {
  const candidates: Json[] = [state.ItemProcessor ?? null, state.Iterator ?? null];
  if (Array.isArray(state.Branches)) candidates.push(...state.Branches);
  return candidates.filter(
    (machine): machine is MachineDefinition => isJsonObject(machine) && isJsonObject(machine.States),
  );
};

/**
 * Parses a definition after substitution and refuses, with every reason at once, what would run differently here
 * than on AWS: JSONata, variables, distributed Map, and anything asl-validator rejects.
 */
export const loadDefinition = (
  name: string,
  text: string,
  substitutions: Record<string, string>,
): MachineDefinition => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(substitute(text, substitutions));
  } catch (error) {
    throw new Error(`state machine "${name}": ${(error as Error).message}`);
  }
  if (!isJsonObject(parsed) || !isJsonObject(parsed.States) || typeof parsed.StartAt !== 'string') {
    throw new Error(`state machine "${name}": a definition needs StartAt and States`);
  }
  const definition = parsed as MachineDefinition;
  const problems: string[] = [];
  for (const field of ['QueryLanguage', 'Assign'] as const) {
    if (field in definition && !(field === 'QueryLanguage' && definition[field] === 'JSONPath')) {
      problems.push(`top level: ${unsupportedFields[field]}`);
    }
  }
  refuseUnsupported(definition.States, [], problems);
  if (JSON.stringify(definition).includes('$$.State.')) {
    problems.push('$$.State.* is not kept per state by the local engine; pass what the state needs in its input');
  }
  if (problems.length === 0 && !validated.has(JSON.stringify(definition))) {
    // The validator writes defaults into what it checks: give it a copy.
    const verdict = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
    if (verdict.isValid) validated.add(JSON.stringify(definition));
    else problems.push(verdict.errorsText('; '));
  }
  if (problems.length > 0) throw new Error(`state machine "${name}" cannot run locally: ${problems.join('; ')}`);
  return definition;
};
