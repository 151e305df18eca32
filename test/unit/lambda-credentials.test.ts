import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundling } from '../../infra/bundling.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'lambda-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a function bundle', () => {
  it("takes the role's credentials from the environment, without the SDK's default credential chain", async () => {
    const entry = join(dir, 'client.ts');
    writeFileSync(
      entry,
      [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "export const credentials = () => new DynamoDBClient({ region: 'eu-north-1' }).config.credentials();",
        '',
      ].join('\n'),
    );
    const outfile = join(dir, 'client.cjs');
    const { metafile } = await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: bundling.format,
      platform: 'node',
      mainFields: [...bundling.mainFields],
      alias: bundling.alias,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((path) => /credential-provider-(node|sso|ini|process)|nested-clients/.test(path))).toEqual([]);

    const env = { AWS_ACCESS_KEY_ID: 'AKIDROLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session' };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const { credentials } = createRequire(import.meta.url)(outfile) as { credentials: () => Promise<unknown> };
      expect(await credentials()).toMatchObject({
        accessKeyId: 'AKIDROLE',
        secretAccessKey: 'secret',
        sessionToken: 'session',
      });
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});
