import type { ExtractRequestInput } from '../../core/protocol/extract-request.ts';
import { clientMessageSchema } from '../../core/protocol/extract-request.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import { decodeImage } from '../../server/decode/decode-image.ts';
import { createExtractors } from '../../server/extractors/create-extractors.ts';
import { prepareRun } from '../../server/run/prepare-run.ts';
import { jsonDepth } from '../../server/security/json-depth.ts';
import { LIMITS } from '../../server/security/limits.ts';
import { timeRuns } from '../time-runs.ts';

// The shipped extractors with no provider settings: model extractors are listed but unavailable, so nothing calls out.
const EXTRACTORS = createExtractors(loadExtractorsFile(), {});

/**
 * Median ms, in this process, of what the server does with a request before it can send
 * `accepted`, as server/routes/extract-progressive-ws.ts does it: the JSON depth scan, JSON.parse,
 * the message schema (a regex over the base64), and `prepareRun` (base64 → bytes, decoding,
 * SHA-256, checking the votes). A reference for the stream's first event.
 */
export async function timePrepareInProcess(request: ExtractRequestInput, runs: number, warmups: number): Promise<number> {
  const text = JSON.stringify(request);
  const timed = await timeRuns(
    async () => {
      if (jsonDepth(text, LIMITS.maxJsonDepth) > LIMITS.maxJsonDepth) throw new Error('the request is too deep');
      const parsed = clientMessageSchema.parse(JSON.parse(text));
      if (parsed.action !== 'extract') throw new Error('not an extract request');
      const prepared = await prepareRun(parsed, EXTRACTORS, decodeImage);
      prepared.release();
      return prepared.images.length;
    },
    runs,
    warmups,
  );
  return timed.medianMs;
}
