import { hexToLab, ciede2000, type Lab } from '../core/color/index.ts';
import type { FixtureTruth } from '../test/fixtures/load-fixtures.ts';
import type { Prediction } from '../test/fixtures/scorer.ts';

/** The roles the tier-1 table scores, in the fixtures' vocabulary (`muted` is Chorus's `text-muted`). */
export const BENCH_ROLES = ['background', 'surface', 'text', 'muted', 'primary'] as const;
export type BenchRole = (typeof BENCH_ROLES)[number];

/** A predicted role colour within this CIEDE2000 of a truth colour holding the role is right: the scorer's recall threshold. */
const ROLE_MATCH_DE = 3;

/** Per role: screens whose truth has it, and how many of those the palette got right. */
export type RoleTally = Readonly<Record<BenchRole, { readonly given: number; readonly right: number }>>;

/**
 * Role accuracy as a designer would count it: over every screen whose truth gives the role to
 * some colour, the first predicted colour with that role must lie within ΔE00 < 3 of a truth
 * colour holding it (among its `roles`); a role the palette does not name is wrong. Only the
 * whole palette is read (a role is named wherever it sits in the list; `max` cuts it, for comparison).
 */
export function roleAccuracy(truth: Readonly<Record<string, FixtureTruth>>, preds: Readonly<Record<string, readonly Prediction[]>>, max = Infinity): RoleTally {
  const tally = Object.fromEntries(BENCH_ROLES.map((r) => [r, { given: 0, right: 0 }])) as Record<BenchRole, { given: number; right: number }>;
  for (const [name, t] of Object.entries(truth)) {
    const palette = (preds[name] ?? []).slice(0, max);
    for (const role of BENCH_ROLES) {
      const holders = t.colors.filter((c) => c.roles.includes(role)).map((c) => hexToLab(c.hex)).filter((l): l is Lab => l !== null);
      if (holders.length === 0) continue;
      tally[role].given++;
      const named = palette.find((p) => typeof p !== 'string' && p.role === role);
      const lab = named && typeof named !== 'string' ? hexToLab(named.hex) : null;
      if (lab && holders.some((h) => ciede2000(h, lab) < ROLE_MATCH_DE)) tally[role].right++;
    }
  }
  return tally;
}
