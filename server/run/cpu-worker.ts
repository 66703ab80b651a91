// A worker thread of the CPU pool (cpu-pool.ts): decodes uploads, runs the CV extractors and
// downscales images for the models, so none of it blocks the event loop that streams every other run.
import { parentPort, workerData } from 'node:worker_threads';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { DecodeError } from '../decode/decode-error.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors } from '../extractors/create-extractors.ts';
import { downscaleRgba } from '../extractors/private/downscale-rgba.ts';
import { toShared, type CpuReply, type CpuTask } from './cpu-task.ts';

const { extractorsConfig } = workerData as { extractorsConfig?: string };
// The same extractors file as the main thread; CV extractors need no keys.
const cv = new Map(createExtractors(loadExtractorsFile(extractorsConfig), {}).filter((e) => e.kind === 'cv').map((e) => [e.id, e]));
const never = new AbortController().signal;

parentPort!.on('message', (task: CpuTask) => {
  void handle(task).then((reply) => parentPort!.postMessage(reply));
});
// Loaded: the pool may send work now.
parentPort!.postMessage('ready');

async function handle(task: CpuTask): Promise<CpuReply> {
  try {
    if (task.kind === 'decode') {
      // Decoded straight into shared memory (jimp's output is copied there once): from here the run's CV tasks share it.
      return { id: task.id, ok: true, rgba: toShared(await decodeImage(task.bytes, { shared: true })) };
    }
    if (task.kind === 'downscale') return { id: task.id, ok: true, rgba: toShared(downscaleRgba(task.image, task.width, task.height)) };
    const extractor = cv.get(task.extractorId);
    if (!extractor) throw new Error(`The CPU worker has no CV extractor "${task.extractorId}".`);
    const images = task.images.map((rgba) => ({ bytes: new Uint8Array(), base64: '', mediaType: 'image/png' as const, rgba, sha256: '' }));
    const output = await extractor.run({ images, measured: [], signal: never });
    return { id: task.id, ok: true, votes: output.votes };
  } catch (error) {
    return {
      id: task.id,
      ok: false,
      ...(error instanceof DecodeError ? { decodeError: error.code } : {}),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
