import { checkHttpAnswer, checkWsExchange, type Verdict } from './check-answer.ts';
import { clientAddress } from './client-address.ts';
import { exchangeOverWebSocket } from './exchange-over-websocket.ts';
import { buildFuzzCase, type PlannedCase } from './fuzz-plan.ts';
import type { ImageKit } from './image-cases.ts';
import { postRaw } from './post-raw.ts';

/** One case's result, without its input (some inputs are tens of megabytes). */
export interface CaseResult {
  readonly index: number;
  readonly family: string;
  readonly note: string;
  readonly verdict: Verdict;
  readonly ms: number;
}

export interface RunFuzzOptions {
  readonly seed: number;
  readonly kit: ImageKit;
  /** `http://127.0.0.1:port/api/v1/extract` */
  readonly httpUrl: string;
  /** `ws://127.0.0.1:port/api/v1/extract/progressive` */
  readonly wsUrl: string;
  /** Cases in flight at once. */
  readonly concurrency: number;
  /** Longest wait for one case's answer; past it the case is a hang. */
  readonly timeoutMs: number;
  /** Told the cases in flight whenever they change (for the hang watchdog's message). */
  readonly onInFlight?: (cases: readonly string[]) => void;
}

/** Sends every planned case, `concurrency` at a time, each from its own loopback address, and checks each answer. */
export async function runFuzzCases(planned: readonly PlannedCase[], options: RunFuzzOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let next = 0;
  const inFlight = new Map<number, string>();
  const worker = async () => {
    while (next < planned.length) {
      const slot = planned[next++]!;
      const built = buildFuzzCase(options.seed, slot, options.kit);
      inFlight.set(slot.index, `#${slot.index} ${slot.family}: ${built.note}`);
      options.onInFlight?.([...inFlight.values()]);
      const localAddress = clientAddress(slot.index);
      const started = performance.now();
      let verdict: Verdict;
      if (built.input.transport === 'ws') {
        const exchange = await exchangeOverWebSocket(options.wsUrl, built.input, { localAddress, timeoutMs: options.timeoutMs });
        verdict = checkWsExchange(exchange, built.expect, built.input.outcomes, built.expectClose);
      } else {
        const answer = await postRaw(options.httpUrl, built.input, { localAddress, timeoutMs: options.timeoutMs }).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        );
        verdict = checkHttpAnswer(answer, built.expect);
      }
      results.push({ index: slot.index, family: slot.family, note: built.note, verdict, ms: performance.now() - started });
      inFlight.delete(slot.index);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return results.sort((a, b) => a.index - b.index);
}
