import { describe, expect, it } from 'vitest';
import type { Decision } from '../../core/messages/plugin-messages.ts';
import { decisionsRequestSchema } from '../../server/routes/dashboard.ts';
import { postDecisions } from './post-decisions.ts';

const border: Decision = {
  role: 'border',
  chosenHex: '#8c959f',
  candidates: [
    { hex: '#d0d7de', extractors: ['flat-regions', 'flat-regions-full'] },
    { hex: '#8c959f', extractors: ['openai', 'anthropic'] },
  ],
};

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function recordingFetch(answer: (call: Call) => Promise<Response> = async () => Response.json({ recorded: 1 })) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('postDecisions', () => {
  it('posts the decisions as the backend route takes them', async () => {
    const { fetch, calls } = recordingFetch();
    const warnings: string[] = [];
    await expect(postDecisions('http://localhost:8787', [border, { ...border, role: '' }], { fetch, warn: (m) => void warnings.push(m) })).resolves.toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://localhost:8787/api/v1/decisions');
    expect(calls[0]?.init?.method).toBe('POST');
    const body: unknown = JSON.parse(String(calls[0]?.init?.body));
    expect(body).toEqual({
      decisions: [
        { role: 'border', chosen_hex: '#8c959f', candidates: [{ hex: '#d0d7de', extractors: ['flat-regions', 'flat-regions-full'] }, { hex: '#8c959f', extractors: ['openai', 'anthropic'] }] },
        { role: 'color', chosen_hex: '#8c959f', candidates: expect.any(Array) },
      ],
    });
    expect(decisionsRequestSchema.safeParse(body).success).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("keeps a reverse proxy's path prefix", async () => {
    const { fetch, calls } = recordingFetch();
    await postDecisions('https://tools.example.com/chorus/', [border], { fetch });
    expect(calls[0]?.url).toBe('https://tools.example.com/chorus/api/v1/decisions');
  });

  it('sends nothing without a server or without a decision to report', async () => {
    const { fetch, calls } = recordingFetch();
    await expect(postDecisions('', [border], { fetch })).resolves.toBe(true);
    await expect(postDecisions('http://localhost:8787', [{ ...border, candidates: [] }], { fetch })).resolves.toBe(true);
    expect(calls).toEqual([]);
  });

  it('splits more decisions than one request may carry into batches', async () => {
    const { fetch, calls } = recordingFetch();
    await postDecisions('http://localhost:8787', Array.from({ length: 70 }, () => border), { fetch });
    expect(calls.map((c) => (JSON.parse(String(c.init?.body)) as { decisions: unknown[] }).decisions.length)).toEqual([64, 6]);
  });

  it('warns, and never rejects, when the backend refuses, is not there, or does not answer in time', async () => {
    const warnings: string[] = [];
    const warn = (m: string) => void warnings.push(m);
    const refused = recordingFetch(async () => new Response('{"error":"BAD_REQUEST"}', { status: 400 }));
    await expect(postDecisions('http://localhost:8787', [border], { fetch: refused.fetch, warn })).resolves.toBe(false);
    const down = recordingFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(postDecisions('http://localhost:8787', [border], { fetch: down.fetch, warn })).resolves.toBe(false);
    const silent = recordingFetch(
      (call) =>
        new Promise<Response>((_, reject) => call.init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    await expect(postDecisions('http://localhost:8787', [border], { fetch: silent.fetch, warn, timeoutMs: 20 })).resolves.toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(/HTTP 400 .*BAD_REQUEST/),
      expect.stringContaining('Failed to fetch'),
      expect.stringContaining('no answer within 20 ms'),
    ]);
  });
});
