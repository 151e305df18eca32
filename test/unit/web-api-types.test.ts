import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypes, apiTypesFile } from '../../web/api-types.ts';

it("the web app's API types are the ones GET /openapi.json describes (run `npm run web:client` after a change)", async () => {
  expect(readFileSync(apiTypesFile, 'utf8')).toBe(await apiTypes());
});
