import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeBehaviour, FakeProvider, FakeProviderOptions, RecordedRequest } from '../fake-provider.ts';
import { validColorAnswer } from '../valid-color-answer.ts';
import type { HttpAnswer, ProviderDialect } from './provider-dialect.ts';

/** Long enough for a loaded 2-core CI box, short enough that a missing request fails the test quickly. */
const DEFAULT_WAIT_MS = 2000;

type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

interface Waiter {
  readonly satisfied: () => boolean;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** The shared machinery behind every fake vendor: listening, recording, scripting, waiting, closing. */
export async function startFakeServer(dialect: ProviderDialect, options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const defaultBehaviour: FakeBehaviour = options.defaultBehaviour ?? { reply: validColorAnswer() };
  checkBehaviour(dialect.name, defaultBehaviour);
  const queue: FakeBehaviour[] = [];
  const requests: MutableRecord[] = [];
  const waiters = new Set<Waiter>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let serial = 0;
  let closing = false;
  let closed: Promise<void> | undefined;

  const notify = (): void => {
    for (const waiter of waiters) {
      if (waiter.satisfied()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const send = (res: ServerResponse, requestId: string, answer: HttpAnswer): void => {
    if (res.destroyed || res.headersSent) return;
    const isText = typeof answer.body === 'string';
    const text = isText ? (answer.body as string) : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      [dialect.requestIdHeader]: requestId,
      ...answer.headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = Date.now();
    const mySerial = ++serial;
    const requestId = dialect.requestId(mySerial);
    // Set when the fake itself kills the socket (`reset`, `close()`): that is not the client giving up.
    let killedByFake = false;
    let record: MutableRecord | undefined;
    let clientGone = false;
    res.on('close', () => {
      if (res.writableFinished || killedByFake || closing) return;
      clientGone = true;
      if (record) {
        record.aborted = true;
        notify();
      }
    });

    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // The client went away mid-body; `req.complete` stays false and the record says so.
    }
    const rawBody = Buffer.concat(chunks).toString('utf8');
    record = {
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'http://fake.invalid').pathname,
      headers: req.headers,
      body: parseJson(rawBody),
      rawBody,
      receivedAt,
      aborted: clientGone || !req.complete,
    };
    requests.push(record);
    notify();
    if (record.aborted || closing) return;

    const routed = dialect.route(record, mySerial);
    if (routed !== 'model') {
      send(res, requestId, routed);
      return;
    }
    const behaviour = queue.shift() ?? defaultBehaviour;
    const current = record;
    if ('hang' in behaviour) return;
    if ('reset' in behaviour) {
      killedByFake = true;
      req.socket.resetAndDestroy();
      return;
    }
    if ('stallAfterHeaders' in behaviour) {
      res.writeHead(200, { 'content-type': 'application/json', [dialect.requestIdHeader]: requestId });
      res.flushHeaders();
      return;
    }
    const answer = (): HttpAnswer => {
      if ('status' in behaviour) {
        const headers: Record<string, string> = { ...behaviour.headers };
        if (behaviour.retryAfter !== undefined) headers['retry-after'] = String(behaviour.retryAfter);
        if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
        const body = behaviour.body === undefined ? dialect.errorBody(behaviour.status, mySerial) : behaviour.body;
        return { status: behaviour.status, body, headers };
      }
      return { status: 200, body: dialect.success(current, behaviour, mySerial) };
    };
    const delayMs = behaviour.delayMs ?? 0;
    if (delayMs > 0) later(delayMs, () => send(res, requestId, answer()));
    else send(res, requestId, answer());
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake must fail the test loudly, not hang it: answer 500 with the reason.
      send(res, dialect.requestId(serial), { status: 500, body: `${dialect.name} crashed: ${String(error)}` });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const waitUntil = (satisfied: () => boolean, timeoutMs: number, describe: () => string): Promise<readonly RecordedRequest[]> => {
    if (closing) return Promise.reject(new Error(`${dialect.name}: closed`));
    if (satisfied()) return Promise.resolve(requests);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${dialect.name}: ${describe()} after ${timeoutMs} ms; saw ${summarise(requests)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        satisfied,
        resolve: () => {
          clearTimeout(timer);
          resolve(requests);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.add(waiter);
    });
  };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...behaviours) {
      for (const behaviour of behaviours) checkBehaviour(dialect.name, behaviour);
      queue.push(...behaviours);
    },
    waitForRequests(count, timeoutMs = DEFAULT_WAIT_MS) {
      return waitUntil(() => requests.length >= count, timeoutMs, () => `expected ${count} request(s)`);
    },
    waitForAborted(count, timeoutMs = DEFAULT_WAIT_MS) {
      const aborted = (): number => requests.filter((r) => r.aborted).length;
      return waitUntil(() => aborted() >= count, timeoutMs, () => `expected ${count} aborted request(s), got ${aborted()}`);
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const waiter of waiters) waiter.reject(new Error(`${dialect.name}: closed while waiting; saw ${summarise(requests)}`));
        waiters.clear();
        server.close(() => resolve());
        // Hung and stalled responses keep their sockets open; `server.close` alone would wait for them forever.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function summarise(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return 'no requests';
  return requests.map((r) => `${r.method} ${r.path}${r.aborted ? ' (aborted)' : ''}`).join(', ');
}

/** Rejects a behaviour no branch of the fake would recognise, at `script()` time rather than mid-request. */
function checkBehaviour(name: string, behaviour: FakeBehaviour): void {
  const kinds = ['reply', 'rawContent', 'status', 'hang', 'reset', 'stallAfterHeaders'].filter((key) => key in behaviour);
  if (kinds.length !== 1) throw new Error(`${name}: a behaviour needs exactly one of reply, rawContent, status, hang, reset, stallAfterHeaders; got ${JSON.stringify(behaviour)}`);
  if ('reply' in behaviour && behaviour.reply === undefined) throw new Error(`${name}: \`reply\` is undefined; script an object`);
  if ('status' in behaviour && !(Number.isInteger(behaviour.status) && behaviour.status >= 100 && behaviour.status <= 599)) {
    throw new Error(`${name}: status ${String(behaviour.status)} is not an HTTP status`);
  }
}
