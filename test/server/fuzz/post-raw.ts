import { request } from 'node:http';
import type { HttpInput } from './fuzz-case.ts';

/** What came back from a POST: status, content type and the body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Thrown when no complete answer arrived in time: the server hung. */
export class NoAnswerError extends Error {}

/**
 * POSTs `input` to `url` from `localAddress` (any 127.x.y.z: each is its own client to the server's
 * per-client limits) over a fresh connection, with exactly the headers given. Rejects with
 * NoAnswerError after `timeoutMs`, or with the socket's error.
 */
export function postRaw(url: string, input: HttpInput, options: { localAddress: string; timeoutMs: number }): Promise<HttpAnswer> {
  const target = new URL(url);
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : Buffer.from(input.body);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { ...input.headers, 'content-length': String(input.declaredLength ?? body.length) },
      localAddress: options.localAddress,
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new NoAnswerError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(parts).toString('utf8') });
        // A declared-but-unsent body: the answer is in, drop the rest.
        if (input.declaredLength !== undefined) req.destroy();
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (input.declaredLength === undefined) req.end(body);
    else req.write(body);
  });
}
