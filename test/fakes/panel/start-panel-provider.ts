import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeAnthropic } from '../providers/fake-anthropic.ts';
import { startFakeOpenAI } from '../providers/fake-openai.ts';
import type { FakeBehaviour, FakeProvider } from '../providers/fake-provider.ts';

/** What a panel provider is asked: the model named in the request, and every text part of its prompt. */
export interface PanelRequest {
  readonly model: string;
  readonly prompt: string;
}

/** A vendor API whose every model answer is chosen per request, by model and prompt. */
export interface PanelProvider {
  /** `http://127.0.0.1:<port>`, no trailing slash (append `/v1` for the OpenAI SDK). */
  readonly url: string;
  /** Model requests answered so far, by model id. */
  readonly answered: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/** Longest request body read: a handful of downscaled images in base64. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * A fake vendor (`openai`: Chat Completions, also what Ollama and Gemini's compatible endpoint
 * speak; `anthropic`: Messages) whose answer to each model request is `answer(request)`, for a
 * panel of simulated models behind one base URL. It is the test/fakes/providers fake of that
 * vendor, fronted on 127.0.0.1: each request is read, its behaviour scripted on the fake, then
 * forwarded to it, one at a time so a script always meets its own request. Health checks and
 * everything else pass through unscripted.
 */
export async function startPanelProvider(vendor: 'openai' | 'anthropic', answer: (request: PanelRequest) => FakeBehaviour): Promise<PanelProvider> {
  const fake: FakeProvider = vendor === 'openai' ? await startFakeOpenAI() : await startFakeAnthropic();
  const answered = new Map<string, number>();
  let queue: Promise<void> = Promise.resolve();

  const server = createServer((req, res) => {
    const job = queue.then(async () => {
      const body = await readBody(req);
      const request = panelRequest(req.method ?? 'GET', req.url ?? '/', body);
      if (request) {
        fake.script(answer(request));
        answered.set(request.model, (answered.get(request.model) ?? 0) + 1);
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
      const forwarded = await fetch(`${fake.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      const text = Buffer.from(await forwarded.arrayBuffer());
      const out: Record<string, string> = {};
      forwarded.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection' && name !== 'keep-alive') out[name] = value;
      });
      res.writeHead(forwarded.status, { ...out, 'content-length': String(text.length) });
      res.end(text);
    });
    queue = job.catch(() => undefined);
    job.catch((error: unknown) => {
      // A bug in the panel must fail the bench loudly: answer 500 with the reason.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`panel provider crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The model and prompt of a model request (OpenAI chat completion or Anthropic message); undefined for anything else. */
function panelRequest(method: string, url: string, body: Buffer): PanelRequest | undefined {
  const path = new URL(url, 'http://panel.invalid').pathname;
  if (method !== 'POST' || !(path.endsWith('/chat/completions') || path.endsWith('/messages'))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(json) || typeof json.model !== 'string') return undefined;
  const texts: string[] = [];
  collectText(json.system, texts);
  collectText(json.messages, texts);
  return { model: json.model, prompt: texts.join('\n') };
}

/** Every `text` string (or plain string content) in a message tree, in order. */
function collectText(node: unknown, into: string[]): void {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) for (const item of node) collectText(item, into);
  else if (isRecord(node)) {
    if (typeof node.text === 'string') into.push(node.text);
    if ('content' in node) collectText(node.content, into);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
