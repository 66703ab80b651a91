import type { Tier } from '../../core/protocol/run-event.ts';
import { formatMs } from '../format-ms.ts';
import { median } from '../median.ts';
import { percentile } from '../percentile.ts';
import type { RunTimings } from './analyse-run.ts';
import { CLIENT_KINDS, CLIENT_LABELS, type ClientKind } from './bench-request.ts';
import type { ConcurrentMemory } from './measure-concurrent-memory.ts';
import type { LatencyRun } from './measure-latency.ts';

/** The issue's target for what orchestration may add to a tier beyond its slowest extractor. */
export const OVERHEAD_TARGET_MS = 5;
/** Problems listed in full before the report only counts the rest. */
const MAX_LISTED_PROBLEMS = 10;

export interface BackendReport {
  readonly date: string;
  readonly machine: string;
  readonly mode: string;
  readonly liveExtractors: string;
  readonly latencyFakeDelayMs: number;
  readonly latency: readonly LatencyRun[];
  /** In-process median of the server's pre-`accepted` work, by `kind:image`. */
  readonly prepareMs: ReadonlyMap<string, number>;
  /** In-process median of one ledger settle (fsynced append) on the file ledger. */
  readonly ledgerSettleMs: number;
  readonly memoryFakeDelayMs: number;
  /** Null when the server's memory could not be read (no /proc). */
  readonly memory: ConcurrentMemory | null;
}

const mib = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : '—');
/** `median (p90)` of a list, ms. */
const mp = (values: readonly number[]): string => `${formatMs(median(values))} (${formatMs(percentile(values, 90))})`;

/** The backend section as markdown: time to events, overhead per tier, memory under 50 concurrent runs. */
export function formatBackendReport(report: BackendReport): string {
  const { latency } = report;
  const sizes = [...new Set(latency.map((r) => r.size))];
  const lines: string[] = [
    '## Backend: streaming a run over a WebSocket',
    '',
    `Measured ${report.date} on ${report.machine}.`,
    `The real backend (\`node --import tsx server/main.ts\`) in a child process on 127.0.0.1, live extractors: ${report.liveExtractors}. ` +
      `Fake providers in a second process answer every model call ${report.latencyFakeDelayMs === 0 ? 'at once' : `after ${report.latencyFakeDelayMs} ms`}; ` +
      'requests ask `paid: "always"`, so all four tiers run. Every request carries a fixture screen with a tEXt chunk of its own ' +
      '(new bytes, so no cache hit; the same pixels, so the same work) and comes from a loopback address of its own (127.1.x.y), ' +
      "so the server's per-client limits (runs at once, runs a minute) meter designers, not the benchmark. " +
      `${report.mode}.`,
    '',
    '### Time to events (ms from sending the request; median, p90 in brackets)',
    '',
    '| client | image size | runs | first event (`accepted`) | tier-1 consensus (`tier_1_complete`) | `complete` | server run (`complete.duration_ms`) | prepare in-process (reference) |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const kind of CLIENT_KINDS) {
    for (const size of ['all', ...sizes]) {
      const runs = latency.filter((r) => r.kind === kind && (size === 'all' || r.size === size));
      if (runs.length === 0) continue;
      const t = runs.map((r) => r.timings);
      const prepare = runs.map((r) => report.prepareMs.get(`${kind}:${r.image}`) ?? Number.NaN);
      lines.push(
        `| ${size === 'all' ? CLIENT_LABELS[kind] : ''} | ${size === 'all' ? `all (${new Set(runs.map((r) => r.image)).size} images)` : size} | ${runs.length} | ` +
          `${mp(t.map((x) => x.acceptedMs))} | ${mp(t.map((x) => x.tier1Ms))} | ${mp(t.map((x) => x.completeMs))} | ` +
          `${formatMs(median(t.map((x) => x.serverDurationMs)))} | ${formatMs(median(prepare))} |`,
      );
    }
  }
  lines.push(
    '',
    `Opening the socket, not counted above: median ${formatMs(median(latency.map((r) => r.connectMs)))} ms. ` +
      '"prepare in-process" times, in this process on the same request, what the server does before it can send `accepted`: ' +
      'JSON.parse, the message schema, base64 → bytes, decoding, SHA-256 and the vote check.',
    '',
    '### Orchestration overhead per tier (ms)',
    '',
    `Tier wall time (\`tier_started\` → \`tier_N_complete\`, by arrival at the client) minus the slowest extractor's own \`duration_ms\` in that tier; target under ${OVERHEAD_TARGET_MS} ms. ` +
      '"vote + event" replays in this process, after each run, the consensus over every vote so far and the serialising of `tier_N_complete`: the share of the overhead that is the vote itself.',
    '',
    '| client | tier | extractors run | tier wall (median) | slowest extractor (median) | overhead median | overhead p90 | overhead max | runs over target | vote + event, replayed (median) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const kind of CLIENT_KINDS) {
    const kindRuns = latency.filter((r) => r.kind === kind);
    const tiers = kindRuns.flatMap((r) => r.timings.tiers);
    for (const tier of [1, 2, 3, 4] as const satisfies readonly Tier[]) {
      const rows = tiers.filter((t) => t.tier === tier);
      if (rows.length === 0) continue;
      const overhead = rows.map((t) => t.overheadMs);
      const over = overhead.filter((o) => o > OVERHEAD_TARGET_MS).length;
      lines.push(
        `| ${tier === 1 ? CLIENT_LABELS[kind] : ''} | ${tier} | ${median(rows.map((t) => t.extractors))} | ${formatMs(median(rows.map((t) => t.wallMs)))} | ` +
          `${formatMs(median(rows.map((t) => t.slowestMs)))} | ${formatMs(median(overhead))} | ${formatMs(percentile(overhead, 90))} | ${formatMs(Math.max(...overhead))} | ${over} of ${rows.length} | ` +
          `${formatMs(median(kindRuns.map((r) => r.consensusMs.get(tier) ?? Number.NaN)))} |`,
      );
    }
  }
  lines.push(
    '',
    `A paid extractor's ledger settle (one line appended to ledger.jsonl and fsynced; ${formatMs(report.ledgerSettleMs)} ms median in-process on this disk) ` +
      'runs after its `duration_ms` is stamped, so it counts as overhead: once in tier 4, twice in turn in tier 3 (the file ledger serialises its writes). ' +
      'A slightly negative overhead is measurement noise: the client clock reads both ends of the tier, and a frame can leave the server a little late while CPU-bound extraction holds its event loop.',
  );
  lines.push('', ...memoryLines(report));
  const problems = [...latency.flatMap((r) => r.timings.problems.map((p) => `${r.image} (${r.kind}): ${p}`)), ...(report.memory?.problems ?? [])];
  const cached = latency.reduce((n, r) => n + r.timings.cachedHits, 0) + (report.memory?.timings.reduce((n, t) => n + t.cachedHits, 0) ?? 0);
  if (cached > 0) problems.push(`${cached} extractor results came from the cache: those runs did less work than the rest`);
  if (problems.length > 0) {
    lines.push('', '### Problems', '');
    for (const p of problems.slice(0, MAX_LISTED_PROBLEMS)) lines.push(`- ${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`- … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
  }
  return `${lines.join('\n')}\n`;
}

function memoryLines(report: BackendReport): string[] {
  const m = report.memory;
  const heading = `### Server memory, ${m?.concurrent ?? 'many'} runs at once`;
  if (!m) return [heading, '', 'Not measured: this system has no /proc to read the server process\'s memory from.'];
  const complete = m.timings.map((t: RunTimings) => t.completeMs).filter(Number.isFinite);
  return [
    heading,
    '',
    `${m.concurrent} WebSocket clients, each its own client to the server, open at once and send their requests together (the fixtures cycled, no votes, so the server does every tier); ` +
      `the fakes answer each model call after ${report.memoryFakeDelayMs} ms, so the runs are in flight together. ` +
      `Resident memory of the server process from /proc/PID/status: idle after one warm-up run, sampled every 10 ms during the burst, and VmHWM (the kernel's high-water mark) after it; ` +
      '"RSS after" is half a second after the last run ended (V8 keeps the heap it grew until it needs to shrink it, so this is not a leak measure).',
    '',
    '| runs at once | completed | idle RSS | peak RSS (VmHWM) | sampled peak | (peak − idle) ÷ runs | RSS after | all done in | `complete` median / slowest |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| ${m.concurrent} | ${m.completed} of ${m.concurrent} | ${mib(m.idleRssBytes)} | ${mib(m.peakRssBytes)} | ${mib(m.sampledPeakRssBytes)} | ` +
      `${((m.peakRssBytes - m.idleRssBytes) / m.concurrent / 2 ** 20).toFixed(1)} MiB | ${mib(m.afterRssBytes)} | ${formatMs(m.wallMs)} ms | ` +
      `${formatMs(median(complete))} / ${formatMs(Math.max(...complete))} ms |`,
  ];
}
