import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtime } from '../../infra/function.ts';

const lambdaMajor = /^nodejs(\d+)\.x$/.exec(runtime.name)?.[1];
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

/** Tests, `npm start` and the bench are worth what they say only on the Node.js major that Lambda runs. */
describe('the Node.js everything runs on', () => {
  it('is the major of the Lambda runtime, for the tests themselves', () => {
    expect(lambdaMajor).toMatch(/^\d+$/);
    expect(process.versions.node.split('.')[0]).toBe(lambdaMajor);
  });

  it('is pinned as the `node` devDependency and declared in engines, so a runtime bump cannot leave them behind', () => {
    expect(manifest.devDependencies.node?.split('.')[0]).toBe(lambdaMajor);
    expect(manifest.engines.node).toBe(`${lambdaMajor}.x`);
  });
});
