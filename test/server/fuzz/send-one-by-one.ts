import WebSocket from 'ws';
import { runEventSchema, type RunEvent } from '../../../core/protocol/run-event.ts';

/** What one frame got: the refusal event, or the connection's close. */
export type OneByOneAnswer = { readonly event: RunEvent } | { readonly close: number } | { readonly problem: string };

/**
 * On one connection from `localAddress`, sends `count` copies of `frame`, each after the previous
 * one's answer (an `error` event), until the server closes or `count` is reached. Every wait is
 * bounded by `timeoutMs`; a message outside the protocol or a timeout ends it with a `problem`.
 */
export async function sendOneByOne(url: string, frame: string, count: number, options: { localAddress: string; timeoutMs: number }): Promise<OneByOneAnswer[]> {
  const socket = new WebSocket(url, { localAddress: options.localAddress });
  const answers: OneByOneAnswer[] = [];
  const inbox: OneByOneAnswer[] = [];
  let wake: (() => void) | undefined;
  const push = (answer: OneByOneAnswer) => {
    inbox.push(answer);
    wake?.();
  };
  socket.on('message', (data) => {
    const parsed = runEventSchema.safeParse(JSON.parse(String(data)));
    push(parsed.success ? { event: parsed.data } : { problem: `outside the protocol: ${String(data).slice(0, 200)}` });
  });
  socket.on('close', (code) => push({ close: code }));
  socket.on('error', (error) => push({ problem: error.message }));
  const next = async (): Promise<OneByOneAnswer> => {
    if (inbox.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.timeoutMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    return inbox.shift() ?? { problem: `no answer within ${options.timeoutMs} ms` };
  };
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    for (let i = 0; i < count; i++) {
      socket.send(frame);
      const answer = await next();
      answers.push(answer);
      if (!('event' in answer)) break;
      // The refusal that ends a connection comes with its close: take that too.
      if (answer.event.stage === 'error' && answer.event.code === 'TOO_MANY_RUNS') {
        answers.push(await next());
        break;
      }
    }
    return answers;
  } finally {
    socket.terminate();
  }
}
