import { z } from 'zod';
import { runEventSchema, type RunEvent } from '../../../core/protocol/run-event.ts';
import type { Expectation } from './fuzz-case.ts';
import type { WsExchange, WsItem } from './exchange-over-websocket.ts';
import type { HttpAnswer } from './post-raw.ts';

/** The error body every refusal must carry. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string().min(1), message: z.string().min(1) }) });

/** Statuses a refusal may have: bad request, too large, unsupported type, unprocessable, too many, busy. */
export const CLEAN_REFUSAL_STATUSES: ReadonlySet<number> = new Set([400, 413, 415, 422, 429, 503]);
/** Closes that are the server's own, deliberate refusals: normal, policy (too many runs), message too big. */
export const CLEAN_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1008, 1009]);

/** What one case got, summed up for the family's tally: `429 RATE_LIMITED`, `ws NOT_IMAGE`, `ws complete`, `ws close 1009`… */
export interface Verdict {
  readonly outcome: string;
  readonly problems: readonly string[];
}

/** Problems with one run's events: order, sequence numbers, and how it ended. */
export function runProblems(events: readonly RunEvent[]): string[] {
  const problems: string[] = [];
  const first = events[0];
  if (!first) return ['a run with no events'];
  if (first.stage !== 'accepted') problems.push(`run starts with ${first.stage}, not accepted`);
  events.forEach((e, i) => {
    if (e.seq !== i) problems.push(`seq ${e.seq} at position ${i}`);
    if (e.run_id !== first.run_id) problems.push(`run_id changes mid-run (${e.run_id})`);
  });
  const last = events.at(-1)!;
  if (last.stage !== 'complete' && last.stage !== 'error') problems.push(`run ends with ${last.stage}`);
  if (last.stage === 'error' && last.code === 'INTERNAL') problems.push(`run ended INTERNAL: ${last.message}`);
  return problems.slice(0, 5);
}

/** Checks a WebSocket exchange against the case's expectation; `expectClose` is the close code the case must get. */
export function checkWsExchange(exchange: WsExchange, expect: Expectation, expectedAnswers: number, expectClose?: number): Verdict {
  const problems: string[] = [];
  const outcomes: string[] = [];
  const runs = new Map<string, RunEvent[]>();
  const all = [...exchange.items, ...exchange.trailing];
  for (const item of all) {
    if (item.kind === 'invalid') problems.push(`a message outside the protocol: ${item.raw.slice(0, 200)}`);
    if (item.kind === 'timeout') problems.push('no answer in time (a hang)');
    if (item.kind === 'event') {
      const e = item.event;
      if (e.run_id === '') {
        if (e.stage !== 'error') problems.push(`a ${e.stage} event with no run`);
        else {
          outcomes.push(`ws ${e.code}`);
          if (e.code === 'INTERNAL') problems.push(`INTERNAL: ${e.message}`);
          else if (expect.kind === 'refused' && !expect.codes.includes(e.code)) problems.push(`refused ${e.code} (${e.message}), expected ${expect.codes.join('/')}`);
        }
      } else {
        const events = runs.get(e.run_id) ?? [];
        events.push(e);
        runs.set(e.run_id, events);
        if (e.stage === 'complete' || e.stage === 'error') outcomes.push(`ws run ${e.stage === 'error' ? e.code : 'complete'}`);
      }
    }
  }
  for (const events of runs.values()) {
    problems.push(...runProblems(events));
    if (expect.kind === 'refused') problems.push(`a run started (${events.length} events), expected refusal ${expect.codes.join('/')}`);
  }
  const close = all.find((i): i is Extract<WsItem, { kind: 'close' }> => i.kind === 'close');
  if (close) outcomes.push(`ws close ${close.code}`);
  if (expectClose !== undefined) {
    if (close?.code !== expectClose) problems.push(`expected close ${expectClose}, got ${close ? `close ${close.code}` : 'no close'}`);
  } else {
    if (close && !CLEAN_CLOSE_CODES.has(close.code)) problems.push(`closed with ${close.code} ${close.reason}`);
    if (close && expect.kind === 'refused') problems.push(`closed (${close.code}) instead of refusing ${expect.codes.join('/')}`);
    for (const item of all) if (item.kind === 'socket-error') problems.push(`socket error: ${item.message}`);
    const answered = outcomes.filter((o) => !o.startsWith('ws close')).length;
    if (!close && answered !== expectedAnswers) problems.push(`${answered} answers for ${expectedAnswers} requests`);
    if (!close && !exchange.probeAnswered) problems.push('the connection did not answer the next message');
    if (exchange.trailing.length > 0) problems.push(`${exchange.trailing.length} messages after the answers`);
  }
  return { outcome: outcomes.length === 0 ? 'ws silent' : outcomes.join(' + '), problems };
}

function sseEvents(body: string): { events: RunEvent[]; problems: string[] } {
  const events: RunEvent[] = [];
  const problems: string[] = [];
  for (const block of body.split('\n\n')) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data === '') continue;
    const parsed = runEventSchema.safeParse(JSON.parse(data));
    if (parsed.success) events.push(parsed.data);
    else problems.push(`an SSE event outside the protocol: ${data.slice(0, 200)}`);
  }
  return { events, problems };
}

const runDocumentSchema = z.object({ run_id: z.string(), status: z.enum(['complete', 'failed', 'cancelled']), events: z.array(runEventSchema) });

/** Checks an HTTP answer (or the failure to get one) against the case's expectation. */
export function checkHttpAnswer(answer: HttpAnswer | Error, expect: Expectation): Verdict {
  if (answer instanceof Error) return { outcome: `http ${answer.name}`, problems: [`no answer: ${answer.message}`] };
  const { status, body, contentType } = answer;
  if (status === 200) {
    const outcome = 'http 200';
    if (expect.kind === 'refused') return { outcome, problems: [`200, expected refusal ${expect.codes.join('/')}`] };
    try {
      if (contentType.includes('text/event-stream')) {
        const { events, problems } = sseEvents(body);
        return { outcome: 'http 200 sse', problems: [...problems, ...runProblems(events)] };
      }
      const parsed = runDocumentSchema.safeParse(JSON.parse(body));
      if (!parsed.success) return { outcome, problems: [`a 200 body outside the protocol: ${body.slice(0, 200)}`] };
      return { outcome, problems: runProblems(parsed.data.events) };
    } catch {
      return { outcome, problems: [`a 200 body that is not JSON: ${body.slice(0, 200)}`] };
    }
  }
  let code = '?';
  const problems: string[] = [];
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(body));
    if (parsed.success) code = parsed.data.error.code;
    else problems.push(`a ${status} body that is not an ApiError: ${body.slice(0, 200)}`);
  } catch {
    problems.push(`a ${status} body that is not JSON: ${body.slice(0, 200)}`);
  }
  if (!contentType.includes('application/json')) problems.push(`a ${status} answer as ${contentType || 'no content type'}`);
  if (!CLEAN_REFUSAL_STATUSES.has(status)) problems.push(`status ${status} (${code})`);
  if (code === 'INTERNAL') problems.push(`INTERNAL (${status})`);
  else if (expect.kind === 'refused' && !expect.codes.includes(code)) problems.push(`refused ${status} ${code}, expected ${expect.codes.join('/')}`);
  return { outcome: `http ${status} ${code}`, problems };
}
