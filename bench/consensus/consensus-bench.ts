import { FIXTURES_DIR, loadFixtures, REAL_FIXTURES_DIR } from '../../test/fixtures/load-fixtures.ts';
import { describeMachine } from '../machine.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import { formatPanelReport } from './format-panel-report.ts';
import { panelFigures, type ScreenRun } from './panel-figures.ts';
import { runPanelScreens, type BenchFixture } from './run-panel-screens.ts';
import { startPanel } from './start-panel.ts';

/** Seeds of the panel's draws; the ensemble's figures pool them. Three keep the run to a few minutes. */
const SEEDS = [1, 2, 3] as const;
/** --quick: one seed over a few screens of each set. */
const QUICK_SCREENS = 5;

/**
 * The panel bench: every fixture screen and real screenshot through the real backend process and
 * the real SDKs, against a panel of simulated models with seeded failure modes; CV alone
 * (`use_ai: false`) and the ensemble judged against the truth.
 */
export async function consensusBench(options: SectionOptions): Promise<SectionResult> {
  const { log } = options;
  const all: BenchFixture[] = [
    ...loadFixtures(FIXTURES_DIR).map((f) => ({ ...f, set: 'screens' as const })),
    ...loadFixtures(REAL_FIXTURES_DIR).map((f) => ({ ...f, set: 'real' as const })),
  ];
  const fixtures = options.quick ? [...all.filter((f) => f.set === 'screens').slice(0, QUICK_SCREENS), ...all.filter((f) => f.set === 'real').slice(0, QUICK_SCREENS)] : all;
  const seeds = options.quick ? SEEDS.slice(0, 1) : SEEDS;
  const panel = await startPanel();
  try {
    const cv = await runPanelScreens(panel, fixtures, seeds[0]!, false, log);
    const ensemble: ScreenRun[] = [];
    for (const seed of seeds) ensemble.push(...(await runPanelScreens(panel, fixtures, seed, true, log)));
    const bySet = (runs: readonly ScreenRun[], set: ScreenRun['set'] | 'all') => panelFigures(set === 'all' ? runs : runs.filter((r) => r.set === set));
    return {
      markdown: formatPanelReport({
        date: new Date().toISOString().slice(0, 10),
        machine: describeMachine(),
        screens: fixtures.filter((f) => f.set === 'screens').length,
        real: fixtures.filter((f) => f.set === 'real').length,
        seeds: [...seeds],
        models: panel.models,
        figures: (['all', 'screens', 'real'] as const).map((set) => ({ set, cv: bySet(cv, set), ensemble: bySet(ensemble, set) })),
      }),
      measured: true,
    };
  } finally {
    await panel.close();
  }
}
