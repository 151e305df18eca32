import { apiOverhead } from './api-overhead.ts';
import type { Benchmark } from './benchmark.ts';
import { coldStart } from './cold-start.ts';
import { costModel } from './cost-model.ts';
import { flow } from './flow.ts';
import { kpis } from './kpis.ts';
import { pricing } from './pricing.ts';
import { scale } from './scale.ts';
import { screens } from './screens.ts';
import { webApp } from './web-app.ts';

/** Every benchmark, in the order `npm run bench` runs them; `npm test` runs each in quick mode from this same list. */
export const benchmarks: readonly Benchmark[] = [
  pricing,
  coldStart,
  flow,
  costModel,
  apiOverhead,
  scale,
  webApp,
  screens,
  kpis,
];
