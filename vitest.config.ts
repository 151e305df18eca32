import { defineConfig } from 'vitest/config';
import InterleavingSequencer from './test/sequencer.ts';

const env = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_DEV: 'true',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

/**
 * One project per kind of test. The projects that use the local services name the global setup, which starts them
 * once per run however many of those projects run; `npm run test:unit` and the infra tests need no Java.
 */
const services = ['test/global-setup.ts'];
/** Starting a stack or a world in `beforeAll` takes far longer than vitest's 10 s default on a loaded 2-core machine. */
const hookTimeout = 120_000;

export default defineConfig({
  test: {
    env,
    /**
     * Test files mostly wait — on DynamoDB Local, a browser, a workflow's timers — so three run at once even on two
     * cores, where vitest's default (one fewer than the cores) would run them one by one; four were slower.
     */
    maxWorkers: 3,
    sequence: { sequencer: InterleavingSequencer },
    projects: [
      {
        extends: true,
        // A guard against a hang, not a speed check (benches are): the OpenAPI types' generation took 5.4 s beside a
        // full run, past vitest's 5 s default.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          globalSetup: services,
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout,
        },
      },
      {
        extends: true,
        test: {
          name: 'workflow',
          globalSetup: services,
          include: ['test/workflow/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout,
        },
      },
      {
        extends: true,
        // A browser page on a loaded machine can take seconds to show what a test waits for: poll for it that long.
        test: {
          name: 'e2e',
          globalSetup: services,
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout,
          expect: { poll: { timeout: 20_000 } },
        },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000 } },
    ],
  },
});
