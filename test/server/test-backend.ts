import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { extractRequestSchema, type ExtractRequestInput } from '../../core/protocol/extract-request.ts';
import { runEventSchema, type RunEvent } from '../../core/protocol/run-event.ts';
import { createLedger, type Ledger } from '../../server/budget/ledger.ts';
import type { LedgerStore } from '../../server/budget/ledger-store.ts';
import { MemoryLedgerStore } from '../../server/budget/memory-ledger-store.ts';
import type { CacheStore } from '../../server/cache/cache-store.ts';
import { MemoryCacheStore } from '../../server/cache/memory-cache-store.ts';
import { createResultCache } from '../../server/cache/result-cache.ts';
import type { ExtractorsFile } from '../../server/config/extractor-config.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import { decodeImage } from '../../server/decode/decode-image.ts';
import { createExtractors, type ExtractorEnv } from '../../server/extractors/create-extractors.ts';
import { cachedResultSchema } from '../../server/run/cached-result-schema.ts';
import { createRunService, type RunService } from '../../server/run/run-service.ts';
import { startFakeAnthropic } from '../fakes/providers/fake-anthropic.ts';
import { startFakeGemini, startFakeOpenAI } from '../fakes/providers/fake-openai.ts';
import type { FakeProvider } from '../fakes/providers/fake-provider.ts';
import { validColorAnswer, type ColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import type { Role } from '../../core/palette/role.ts';
import { FIXTURES_DIR } from '../fixtures/load-fixtures.ts';

/** The four providers a backend test talks to, on 127.0.0.1, and the environment that points the real SDKs at them. */
export interface FakeProviders {
  readonly openai: FakeProvider;
  readonly anthropic: FakeProvider;
  readonly gemini: FakeProvider;
  readonly local: FakeProvider;
  readonly env: ExtractorEnv;
  close(): Promise<void>;
}

/**
 * Starts the fakes. By default each answers as a good model would for `fixture`: its true palette,
 * with Chorus's roles and the exact measured values (what the prompt asks for), after `delayMs`.
 */
export async function startFakeProviders(fixture = 'login-dracula', delayMs = 0): Promise<FakeProviders> {
  const options = { defaultBehaviour: { reply: truthAnswer(fixture), ...(delayMs > 0 ? { delayMs } : {}) } };
  const [openai, anthropic, gemini, local] = await Promise.all([startFakeOpenAI(options), startFakeAnthropic(options), startFakeGemini(options), startFakeOpenAI(options)]);
  return {
    openai,
    anthropic,
    gemini,
    local,
    env: {
      OPENAI_API_KEY: 'sk-test-openai',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_BASE_URL: anthropic.url,
      GEMINI_API_KEY: 'gemini-test-key',
      GEMINI_BASE_URL: `${gemini.url}/v1beta/openai`,
      CHORUS_LOCAL_BASE_URL: `${local.url}/v1`,
    },
    close: async () => {
      await Promise.all([openai.close(), anthropic.close(), gemini.close(), local.close()]);
    },
  };
}

/** Fixture roles → Chorus roles (the fixtures say `muted` and `onPrimary`); roles Chorus does not name are left out. */
const FIXTURE_ROLES: Readonly<Record<string, Role>> = {
  background: 'background',
  surface: 'surface',
  text: 'text',
  muted: 'text-muted',
  primary: 'primary',
  onPrimary: 'on-primary',
  secondary: 'secondary',
  border: 'border',
  success: 'success',
  warning: 'warning',
  error: 'error',
  info: 'info',
};

/** What a well-behaved model answers for a fixture: its truth palette, each colour once, with a role where Chorus has one. */
export function truthAnswer(fixture: string): ColorAnswer {
  const truth = JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${fixture}.json`), 'utf8')) as { colors: { hex: string; role: string }[] };
  const used = new Set<Role>();
  const colors = truth.colors.flatMap((c) => {
    const role = FIXTURE_ROLES[c.role];
    if (!role || used.has(role)) return [];
    used.add(role);
    return [{ hex: c.hex, role, name: `${role}-tone` }];
  });
  return validColorAnswer(colors);
}

/** The shipped extractors config with every timeout cut to `timeoutMs`, so a test of a hang ends quickly. */
export function configWithTimeouts(timeoutMs: number): ExtractorsFile {
  const config = loadExtractorsFile();
  return { ...config, extractors: config.extractors.map((e) => ({ ...e, timeout_ms: timeoutMs })) };
}

export interface TestRunServiceOptions {
  readonly env: ExtractorEnv;
  readonly config?: ExtractorsFile;
  readonly ledgerStore?: LedgerStore;
  readonly dailyCapUsd?: number;
  readonly cacheStore?: CacheStore;
}

/** A run service as the server builds it, over in-memory (or given) stores. */
export async function createTestRunService(options: TestRunServiceOptions): Promise<{ runs: RunService; ledger: Ledger }> {
  const extractors = createExtractors(options.config ?? configWithTimeouts(5_000), options.env);
  const ledger = await createLedger({ store: options.ledgerStore ?? new MemoryLedgerStore(), dailyCapUsd: options.dailyCapUsd ?? 5 });
  const cache = createResultCache({ store: options.cacheStore ?? new MemoryCacheStore(), schema: cachedResultSchema });
  return { runs: createRunService({ extractors, ledger, cache, decodeImage }), ledger };
}

/** A fixture screen as base64, as a client sends it. */
export function fixtureBase64(name = 'login-dracula'): string {
  return readFileSync(path.join(FIXTURES_DIR, `${name}.png`)).toString('base64');
}

/** An extract request with defaults filled as the server would. */
export function extractRequest(input: Omit<ExtractRequestInput, 'action'>) {
  return extractRequestSchema.parse({ action: 'extract', ...input });
}

/** Events received, with the time each arrived (ms since the request was sent). */
export interface TimedEvent {
  readonly event: RunEvent;
  readonly at: number;
}

/**
 * Opens a WebSocket to `url`, sends `message`, and collects validated events until `complete` or
 * `error` (or `until` says stop), within `timeoutMs`. Closes the socket at the end.
 */
export function runOverWebSocket(
  url: string,
  message: unknown,
  options: { timeoutMs?: number; until?: (event: RunEvent, socket: WebSocket) => boolean; origin?: string } = {},
): Promise<TimedEvent[]> {
  const socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
  const events: TimedEvent[] = [];
  return new Promise((resolve, reject) => {
    let sentAt = 0;
    const timer = setTimeout(() => finish(new Error(`no end of run within ${options.timeoutMs ?? 15_000} ms; got ${events.map((e) => e.event.stage).join(', ')}`)), options.timeoutMs ?? 15_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(events);
    };
    socket.on('open', () => {
      sentAt = performance.now();
      socket.send(JSON.stringify(message));
    });
    socket.on('message', (data) => {
      const parsed = runEventSchema.safeParse(JSON.parse(String(data)));
      if (!parsed.success) return finish(new Error(`the server sent an event outside the protocol: ${String(data).slice(0, 300)}`));
      events.push({ event: parsed.data, at: performance.now() - sentAt });
      const stage = parsed.data.stage;
      if (stage === 'complete' || stage === 'error' || options.until?.(parsed.data, socket)) finish();
    });
    socket.on('error', (error) => finish(error));
  });
}
