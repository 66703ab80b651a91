import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { Fixture } from '../../test/fixtures/load-fixtures.ts';
import { startBackendProcess } from '../backend/start-backend-process.ts';
import { openSocket, runOnSocket } from '../backend/run-on-socket.ts';
import type { ScreenRun } from './panel-figures.ts';
import type { Panel } from './start-panel.ts';

/** A run on one screen ends well within this, even on a loaded 2-core machine (the fakes answer at once). */
const RUN_TIMEOUT_MS = 120_000;
/** Far above what any call is estimated at, so no paid tier is skipped for the budget: the bench measures the vote. */
const BENCH_MAX_COST = 5;

export interface BenchFixture extends Fixture {
  readonly set: 'screens' | 'real';
}

/**
 * Runs every screen through a fresh backend process (`server/main.ts`, its own data directory, so
 * no cached answer of another seed is reused) over a real WebSocket, with `use_ai` as given and
 * `paid: "always"` so every configured model answers. The panel answers for `seed`. Sequential:
 * the panel's answers are chosen per screen.
 */
export async function runPanelScreens(panel: Panel, fixtures: readonly BenchFixture[], seed: number, useAi: boolean, log: (line: string) => void): Promise<ScreenRun[]> {
  const dataDirectory = await mkdtemp(path.join(tmpdir(), 'chorus-panel-'));
  try {
    const backend = await startBackendProcess(panel.env, dataDirectory);
    try {
      log(`consensus: backend up (${backend.liveExtractors}); seed ${seed}, ${useAi ? 'ensemble' : 'CV alone'}`);
      const runs: ScreenRun[] = [];
      for (const fixture of fixtures) {
        panel.use({ screen: fixture.name, truth: fixture.truth, seed });
        const { socket } = await openSocket(backend.wsUrl, '127.0.0.1', RUN_TIMEOUT_MS);
        const request = { action: 'extract' as const, images: [Buffer.from(fixture.png).toString('base64')], use_ai: useAi, max_cost: BENCH_MAX_COST, paid: 'always' as const };
        const events: RunEvent[] = (await runOnSocket(socket, request, RUN_TIMEOUT_MS)).map((e) => e.event);
        runs.push({ screen: fixture.name, set: fixture.set, truth: fixture.truth, events });
      }
      return runs;
    } finally {
      await backend.script.stop();
    }
  } finally {
    await rm(dataDirectory, { recursive: true, force: true });
  }
}
