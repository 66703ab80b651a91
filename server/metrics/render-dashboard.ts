import type { ExtractorStats } from './run-metrics.ts';

export interface DashboardData {
  readonly extractors: readonly ExtractorStats[];
  readonly runs: number;
  readonly decisions: number;
  readonly spentTodayUsd: number;
  readonly dailyCapUsd: number;
  readonly version: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

const COLORS = { done: '#1bc47d', cached: '#18a0fb', failed: '#f24822', timeout: '#ffa629', skipped: '#b3b3b3', p50: '#18a0fb', p90: '#7b61ff', p99: '#f24822', consensus: '#18a0fb', designers: '#1bc47d' };
const LABEL_W = 150;
const CHART_W = 460;
const ROW_H = 26;
/** Room right of the bars for their figures ("120 ms · 340 ms · 2.1 s", "$0.0037 of $5.00"). */
const RIGHT_W = 170;

function svg(height: number, body: string, title: string): string {
  return `<svg role="img" aria-label="${escape(title)}" viewBox="0 0 ${LABEL_W + CHART_W + RIGHT_W} ${height}" width="100%" style="max-width:${LABEL_W + CHART_W + RIGHT_W}px">${body}</svg>`;
}

function label(y: number, text: string): string {
  return `<text x="${LABEL_W - 8}" y="${y + 16}" text-anchor="end" font-size="12">${escape(text)}</text>`;
}

/** p50 / p90 / p99 as nested bars on one scale: the spread is what a person looks for. */
function latencyChart(stats: readonly ExtractorStats[]): string {
  const rows = stats.filter((s) => s.latencyMs);
  if (rows.length === 0) return '<p class="empty">No extractor has run yet.</p>';
  const max = Math.max(...rows.map((s) => s.latencyMs!.p99), 1);
  const x = (v: number) => (v / max) * CHART_W;
  const body = rows
    .map((s, i) => {
      const y = i * ROW_H + 4;
      const { p50, p90, p99 } = s.latencyMs!;
      return `${label(y, s.id)}<rect x="${LABEL_W}" y="${y + 2}" width="${x(p99)}" height="18" fill="${COLORS.p99}" opacity="0.35"><title>p99 ${ms(p99)}</title></rect><rect x="${LABEL_W}" y="${y + 2}" width="${x(p90)}" height="18" fill="${COLORS.p90}" opacity="0.55"><title>p90 ${ms(p90)}</title></rect><rect x="${LABEL_W}" y="${y + 2}" width="${x(p50)}" height="18" fill="${COLORS.p50}"><title>p50 ${ms(p50)}</title></rect><text x="${LABEL_W + x(p99) + 6}" y="${y + 16}" font-size="11">${ms(p50)} · ${ms(p90)} · ${ms(p99)}</text>`;
    })
    .join('');
  return svg(rows.length * ROW_H + 8, body, 'Latency percentiles per extractor');
}

/** Each extractor's outcomes as one 100 % bar: done, cached, failed, timed out, skipped. */
function outcomeChart(stats: readonly ExtractorStats[]): string {
  if (stats.length === 0) return '<p class="empty">No runs yet.</p>';
  const body = stats
    .map((s, i) => {
      const y = i * ROW_H + 4;
      const done = Math.max(0, 1 - s.failureRate - s.timeoutRate - s.skipRate - s.cacheHitRate);
      const parts: [keyof typeof COLORS, number][] = [
        ['done', done],
        ['cached', s.cacheHitRate],
        ['failed', s.failureRate],
        ['timeout', s.timeoutRate],
        ['skipped', s.skipRate],
      ];
      let at = LABEL_W;
      const bars = parts
        .filter(([, v]) => v > 0)
        .map(([name, v]) => {
          const w = v * CHART_W;
          const rect = `<rect x="${at}" y="${y + 2}" width="${w}" height="18" fill="${COLORS[name]}"><title>${name} ${pct(v)}</title></rect>`;
          at += w;
          return rect;
        })
        .join('');
      return `${label(y, s.id)}${bars}<text x="${LABEL_W + CHART_W + 6}" y="${y + 16}" font-size="11">${s.runs}</text>`;
    })
    .join('');
  return svg(stats.length * ROW_H + 8, body, 'Outcomes per extractor');
}

/** Two bars per extractor: agreement with the final consensus, and with what designers chose in review. */
function agreementChart(stats: readonly ExtractorStats[]): string {
  const rows = stats.filter((s) => s.agreementWithConsensus !== null || s.agreementWithDesigners !== null);
  if (rows.length === 0) return '<p class="empty">No votes with roles yet.</p>';
  const body = rows
    .map((s, i) => {
      const y = i * ROW_H + 4;
      const bar = (v: number | null, dy: number, color: string, what: string) =>
        v === null ? '' : `<rect x="${LABEL_W}" y="${y + dy}" width="${v * CHART_W}" height="8" fill="${color}"><title>${what} ${pct(v)}</title></rect>`;
      return `${label(y, s.id)}${bar(s.agreementWithConsensus, 3, COLORS.consensus, 'with the consensus')}${bar(s.agreementWithDesigners, 12, COLORS.designers, 'with designers')}<text x="${LABEL_W + CHART_W + 6}" y="${y + 16}" font-size="11">${pct(s.agreementWithConsensus)} / ${pct(s.agreementWithDesigners)}</text>`;
    })
    .join('');
  return svg(rows.length * ROW_H + 8, body, 'Agreement per extractor');
}

function spendGauge(spent: number, cap: number): string {
  const share = cap > 0 ? Math.min(1, spent / cap) : 0;
  const color = share >= 0.9 ? COLORS.failed : share >= 0.7 ? COLORS.timeout : COLORS.done;
  return svg(
    40,
    `<rect x="0" y="8" width="${LABEL_W + CHART_W}" height="20" rx="4" fill="#eee"/><rect x="0" y="8" width="${share * (LABEL_W + CHART_W)}" height="20" rx="4" fill="${color}"/><text x="${LABEL_W + CHART_W + 6}" y="23" font-size="12">$${spent.toFixed(4)} of $${cap.toFixed(2)}</text>`,
    'Spend today against the daily cap',
  );
}

/** The dashboard page: plots, with the numbers on hover and a compact table below for the exact figures. */
export function renderDashboard(data: DashboardData): string {
  const legend = (names: (keyof typeof COLORS)[]) => names.map((n) => `<span class="key"><i style="background:${COLORS[n]}"></i>${n}</span>`).join('');
  const rows = data.extractors
    .map(
      (s) =>
        `<tr><td>${escape(s.id)}</td><td>${s.tier}</td><td>${s.runs}</td><td>${s.latencyMs ? ms(s.latencyMs.p50) : '—'}</td><td>${s.latencyMs ? ms(s.latencyMs.p99) : '—'}</td><td>${pct(s.failureRate)}</td><td>${pct(s.timeoutRate)}</td><td>${pct(s.skipRate)}</td><td>${pct(s.cacheHitRate)}</td><td>$${s.cost.toFixed(4)}</td><td>${pct(s.agreementWithConsensus)}</td><td>${pct(s.agreementWithDesigners)}</td></tr>`,
    )
    .join('');
  const hits = data.extractors.reduce((sum, s) => sum + s.cacheHitRate * s.runs, 0);
  const all = data.extractors.reduce((sum, s) => sum + s.runs, 0);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chorus dashboard</title>
<style>body{font:13px/1.5 Inter,system-ui,sans-serif;margin:24px;color:#1e1e1e;max-width:760px}h1{font-size:18px}h2{font-size:14px;margin:28px 0 6px}.key{margin-right:12px;font-size:12px}.key i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}.empty{color:#888}table{border-collapse:collapse;font-size:12px;margin-top:8px}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}td:first-child,th:first-child{text-align:left}.figures{display:flex;gap:32px}.figures b{display:block;font-size:20px}</style></head>
<body><h1>Chorus dashboard</h1>
<div class="figures"><div><b>${data.runs}</b>runs completed</div><div><b>${pct(all > 0 ? hits / all : null)}</b>cache hit rate</div><div><b>${data.decisions}</b>review decisions</div></div>
<h2>Spend today</h2>${spendGauge(data.spentTodayUsd, data.dailyCapUsd)}
<h2>Latency (p50 · p90 · p99)</h2><div>${legend(['p50', 'p90', 'p99'])}</div>${latencyChart(data.extractors)}
<h2>Outcomes</h2><div>${legend(['done', 'cached', 'failed', 'timeout', 'skipped'])}</div>${outcomeChart(data.extractors)}
<h2>Agreement: with the consensus / with designers' choices</h2><div>${legend(['consensus', 'designers'])}</div>${agreementChart(data.extractors)}
<h2>Figures</h2><table><tr><th>extractor</th><th>tier</th><th>runs</th><th>p50</th><th>p99</th><th>failed</th><th>timeout</th><th>skipped</th><th>cached</th><th>spend</th><th>consensus</th><th>designers</th></tr>${rows}</table>
<p style="color:#888;font-size:11px">Chorus ${escape(data.version)} · since the server started, last 1000 outcomes per extractor</p></body></html>`;
}
