import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { handler } from '#http/get-openapi.ts';
import { route } from '#http/routes.ts';
import { apiEvent, lambdaContext } from '../../local/api-event.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The path redocly.yaml and .redocly.lint-ignore.yaml name; test-artifacts/ is not committed. */
const served = 'test-artifacts/openapi.json';

/** The document exactly as GET /openapi.json answers it: the route's own handler, called as the local API calls it. */
const getOpenApi = async (): Promise<string> => {
  const spec = route('GET /openapi.json');
  const event = apiEvent({
    route: spec,
    params: {},
    url: new URL('http://localhost/openapi.json'),
    method: 'GET',
    headers: {},
    body: Buffer.alloc(0),
    requestId: 'openapi-lint',
  });
  const result = await handler(event, lambdaContext(spec, 'openapi-lint'));
  expect(result.statusCode).toBe(200);
  return result.body ?? '';
};

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

describe('GET /openapi.json', () => {
  it('passes Redocly CLI’s recommended rules: no error, no warning but those acknowledged with a reason', async () => {
    mkdirSync(join(root, 'test-artifacts'), { recursive: true });
    writeFileSync(join(root, served), await getOpenApi());
    const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', served, '--format=json', '--config=redocly.yaml'],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const found = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(found).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
  }, 60_000);
});
