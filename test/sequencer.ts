import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * vitest's default order runs one project's files after another's: every browser file (e2e), whose Chromium and
 * stack keep both cores busy, then every workflow file, which mostly waits on its scaled timers. Two cores are then
 * oversubscribed for minutes and idle for minutes. This order starts the long infra synth first, then alternates
 * e2e and workflow files (each longest first, as the default sorts them), then the rest.
 */
export default class InterleavingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (project: string) => sorted.filter((file) => file.project.name === project);
    const [busy, waiting] = [of('e2e'), of('workflow')];
    const alternating = Array.from({ length: Math.max(busy.length, waiting.length) }, (_, i) => [
      busy[i],
      waiting[i],
    ]).flat();
    const first = [...of('infra'), ...alternating].filter((file) => file !== undefined);
    return [...first, ...sorted.filter((file) => !first.includes(file))];
  }
}
