import type { Hono } from 'hono';
import { z } from 'zod';
import { hexSchema } from '../../core/palette/palette-color.ts';
import { renderDashboard } from '../metrics/render-dashboard.ts';
import { ApiException } from '../run/api-exception.ts';
import type { RunService } from '../run/run-service.ts';

/** A designer's review decisions, as the plugin reports them (the A/B evidence of which extractor was right). */
export const decisionsRequestSchema = z.object({
  decisions: z
    .array(
      z.object({
        role: z.string().min(1).max(32),
        chosen_hex: hexSchema,
        candidates: z.array(z.object({ hex: hexSchema, extractors: z.array(z.string().min(1).max(64)).max(32) })).min(1).max(16),
      }),
    )
    .min(1)
    .max(64),
});

/**
 * `GET /dashboard`: per extractor, latency percentiles, failure and skip rates, cache hits, spend
 * today against the cap, and agreement with the consensus and with designers' decisions, as plots.
 * `GET /api/v1/metrics`: the same figures as JSON. `POST /api/v1/decisions`: the plugin reports
 * which candidate a designer picked in review.
 */
export function mountDashboard(app: Hono, service: RunService, version: string): void {
  const figures = async () => {
    // Other processes book against the same cap; a failing store leaves the last figures read.
    await service.ledger.refresh().catch(() => undefined);
    const metrics = await service.metrics.snapshot().catch((error: unknown) => {
      throw new ApiException(503, 'METRICS_UNAVAILABLE', `The dashboard's figures could not be read from the database (${(error as Error).message}); runs are not affected. Try again once the database is back.`);
    });
    return { ...metrics, spent_today_usd: service.ledger.spentToday(), daily_cap_usd: service.ledger.dailyCapUsd };
  };
  app.get('/api/v1/metrics', async (c) => c.json(await figures()));
  app.get('/dashboard', async (c) => {
    const f = await figures();
    return c.html(renderDashboard({ extractors: f.extractors, runs: f.runs, decisions: f.decisions, spentTodayUsd: f.spent_today_usd, dailyCapUsd: f.daily_cap_usd, version }));
  });
  app.post('/api/v1/decisions', async (c) => {
    const parsed = decisionsRequestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new ApiException(400, 'BAD_REQUEST', `Decisions must be {decisions:[{role, chosen_hex, candidates:[{hex, extractors}]}]}: ${parsed.error.issues[0]?.message}.`);
    // Only this server's extractors are counted: an id it does not run would add a counter no one reads.
    const known = new Set(service.extractors.map((e) => e.id));
    const decisions = parsed.data.decisions.map((d) => ({ role: d.role, chosenHex: d.chosen_hex, candidates: d.candidates.map((c) => ({ hex: c.hex, extractors: c.extractors.filter((id) => known.has(id)) })) }));
    try {
      await service.metrics.recordDecisions(decisions);
    } catch (error) {
      throw new ApiException(503, 'METRICS_UNAVAILABLE', `The review decisions could not be stored (${(error as Error).message}); send them again once the database is back.`);
    }
    return c.json({ recorded: parsed.data.decisions.length });
  });
}
