import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { extractRequestSchema, type ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { tokensOf } from '../orchestrator/run-extraction.ts';
import { ApiException } from '../run/api-exception.ts';
import { jsonDepth } from '../security/json-depth.ts';
import { LIMITS } from '../security/limits.ts';
import { toBase64, type PreparedRun } from '../run/prepare-run.ts';
import type { RunService } from '../run/run-service.ts';

/** Largest request body: a few screenshots as base64 JSON. */
export const MAX_BODY_BYTES = LIMITS.maxBodyBytes;

/**
 * `POST /api/v1/extract`: the same run as the WebSocket. Body: the extract request as JSON (the
 * `action` may be left out), or a bare image (`image/*`) with defaults. With `Accept:
 * text/event-stream` the events stream as SSE (event name = stage); otherwise the answer is one
 * JSON document with the final tokens and every event. A client that disconnects aborts the run.
 */
export function mountExtractHttp(app: Hono, service: RunService, clientId: (c: Context) => string): void {
  app.post(
    '/api/v1/extract',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiException(413, 'TOO_LARGE', `The request is over ${MAX_BODY_BYTES / 1024 / 1024} MB. Export the frame smaller and try again.`);
      },
    }),
    async (c) => {
      const request = await readRequest(c);
      // Prepared before any streaming, so a bad image is a plain 4xx, not a broken stream.
      const prepared = await service.prepare(request, clientId(c));
      const signal = c.req.raw.signal;
      if ((c.req.header('accept') ?? '').includes('text/event-stream')) return streamRun(c, service, prepared, request, signal);
      const events: RunEvent[] = [];
      const result = await service.run(prepared, request, (e) => events.push(e), signal);
      return c.json({
        run_id: result.runId,
        status: result.status,
        tokens: tokensOf(result.consensus),
        confidence: result.consensus.confidence,
        total_cost: Number(result.totalCost.toFixed(6)),
        events,
      });
    },
  );
}

async function readRequest(c: Context): Promise<ExtractRequest> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('image/') || type === 'application/octet-stream') {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiException(400, 'EMPTY_BODY', 'The request has no image. Send the PNG as the body.');
    return extractRequestSchema.parse({ action: 'extract', images: [toBase64(bytes)] });
  }
  const text = await c.req.text();
  if (jsonDepth(text, LIMITS.maxJsonDepth) > LIMITS.maxJsonDepth) {
    throw new ApiException(400, 'TOO_DEEP', `The JSON is nested deeper than ${LIMITS.maxJsonDepth} levels; an extract request needs far fewer.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiException(400, 'BAD_JSON', 'The body is not JSON. Send the extract request as JSON, or an image with an image/* content type.');
  }
  const parsed = extractRequestSchema.safeParse(typeof json === 'object' && json !== null && !('action' in json) ? { ...json, action: 'extract' } : json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiException(400, 'BAD_REQUEST', `The request is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message}.`);
  }
  return parsed.data;
}

function streamRun(c: Context, service: RunService, prepared: PreparedRun, request: ExtractRequest, signal: AbortSignal): Response {
  return streamSSE(c, async (stream) => {
    const controller = new AbortController();
    stream.onAbort(() => controller.abort());
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    // Events are written in order; each write waits for the previous one.
    let writing = Promise.resolve();
    const emit = (event: RunEvent) => {
      writing = writing.then(() => stream.writeSSE({ event: event.stage, id: String(event.seq), data: JSON.stringify(event) }));
    };
    try {
      await service.run(prepared, request, emit, controller.signal);
    } catch (error) {
      console.error('chorus: run failed unexpectedly', error);
      emit({ v: 1, run_id: '', seq: 0, total_cost: 0, stage: 'error', code: 'INTERNAL', message: 'The run failed on the server. Try again; if it keeps happening, check the server log.' });
    }
    await writing;
  });
}
