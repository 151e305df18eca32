/** JSON values as the Amazon States Language and the Step Functions API carry them. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a Lambda or a JSON wire hop does to a value: dates become strings, `undefined` disappears. */
export const throughJson = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;
