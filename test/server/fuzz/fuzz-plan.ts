import { LIMITS } from '../../../server/security/limits.ts';
import type { Expectation, FuzzCase, HttpInput, WsInput } from './fuzz-case.ts';
import { caseSeed, createFuzzRandom, type FuzzRandom } from './fuzz-random.ts';
import { corruptImageData, foreignFormatGarbage, hugeDimensions, truncatedPng, wrongMagic, zeroSize, type ImageCase, type ImageKit } from './image-cases.ts';
import {
  badBase64Message,
  baseRequest,
  cancelWithoutRunFrames,
  deepJsonMessage,
  extraFieldsMessage,
  hugeStringMessage,
  missingFieldMessage,
  nonJsonMessage,
  tooManyVotesMessage,
  unknownActionMessage,
  wrongTypeMessage,
  NOT_AN_IMAGE_BASE64,
  type MessageCase,
} from './message-cases.ts';

/** A case as built: what to send and what must come back. `expectClose` is for the one case the server must hang up on. */
export interface BuiltCase extends FuzzCase {
  readonly expectClose?: number;
}

type Built = Omit<BuiltCase, 'index' | 'family'>;
type Family = (r: FuzzRandom, ordinal: number, kit: ImageKit) => Built;

/** Inputs per family (about 2 970 in all; the rate-limit burst adds its own). */
export const FAMILY_SIZES: Readonly<Record<string, number>> = {
  'ws-non-json': 140,
  'ws-binary': 80,
  'ws-wrong-types': 240,
  'ws-missing-fields': 50,
  'ws-extra-fields': 80,
  'ws-huge-strings': 24,
  'ws-deep-json': 110,
  'ws-unknown-action': 70,
  'ws-bad-base64': 100,
  'ws-cancel-no-run': 50,
  'ws-extract-twice': 8,
  'ws-oversize-frame': 1,
  'http-non-json': 140,
  'http-wrong-types': 240,
  'http-missing-fields': 50,
  'http-extra-fields': 80,
  'http-huge-strings': 24,
  'http-deep-json': 110,
  'http-unknown-action': 60,
  'http-bad-base64': 140,
  'http-content-type': 140,
  'http-empty-body': 50,
  'http-declared-oversize': 2,
  'img-truncated-png': 250,
  'img-wrong-magic': 80,
  'img-huge-dimensions': 100,
  'img-zero-size': 50,
  'img-corrupt-image-data': 180,
  'img-foreign-format-garbage': 150,
};

const JSON_TYPE = { 'content-type': 'application/json' };
const SSE = { accept: 'text/event-stream' };
const CLEAN: Expectation = { kind: 'clean' };

const ws = (...frames: (string | Uint8Array)[]): WsInput => ({ transport: 'ws', frames, outcomes: 1 });
/** Over HTTP, a fifth of requests ask for SSE: a refusal must still be a plain 4xx, never a broken stream. */
const http = (r: FuzzRandom, body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE): HttpInput => ({
  transport: 'http',
  body,
  headers: r.chance(0.2) ? { ...headers, ...SSE } : headers,
});
const overWs = (m: MessageCase): Built => ({ note: m.note, input: ws(m.text), expect: m.ws });
const overHttp = (r: FuzzRandom, m: MessageCase): Built => ({ note: m.note, input: http(r, m.text), expect: m.http });

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Sends damaged images the ways a client can: JSON over HTTP (sometimes beside a good image), a bare body, or the WebSocket. */
function imageInput(r: FuzzRandom, kit: ImageKit, made: ImageCase): Built {
  const way = r.int(0, 9);
  if (way < 3 && made.images.length === 1) {
    const type = r.pick(['image/png', 'image/png', 'application/octet-stream', 'image/jpeg', 'image/gif']);
    return { note: `${made.note}, as ${type}`, input: http(r, made.images[0]!, { 'content-type': type }), expect: CLEAN };
  }
  const images = made.images.map(base64);
  if (r.chance(0.2)) images.splice(r.int(0, images.length), 0, base64(r.pick(kit.pngs).bytes));
  const request = { action: 'extract', images, use_ai: r.chance(0.15), paid: 'auto' };
  const text = JSON.stringify(request);
  const note = `${made.note}${images.length > made.images.length ? ', beside a good image' : ''}`;
  return way < 7 ? { note: `${note}, as JSON`, input: http(r, text), expect: CLEAN } : { note: `${note}, over the WebSocket`, input: ws(text), expect: CLEAN };
}

function binaryFrame(r: FuzzRandom): Built {
  const variant = r.int(0, 3);
  const frame = variant === 0 ? new Uint8Array(0) : variant === 1 ? new Uint8Array(Buffer.from(JSON.stringify(baseRequest()))) : r.bytes(r.int(1, 4096));
  const note = variant === 0 ? 'empty binary frame' : variant === 1 ? 'a valid request as a binary frame' : `${frame.length} random bytes`;
  return { note, input: ws(frame), expect: { kind: 'refused', codes: ['BAD_MESSAGE'] } };
}

function contentTypeCase(r: FuzzRandom, kit: ImageKit): Built {
  const json = JSON.stringify(baseRequest());
  switch (r.int(0, 3)) {
    case 0: {
      // JSON under other types: the body is read as JSON whatever the label (only image/* is bytes), so it fails on its image.
      const type = r.pick(['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'APPLICATION/JSON', 'application/json; charset=latin1', 'text/event-stream', 'image', 'Image/PNG', '*/*']);
      return { note: `JSON as ${JSON.stringify(type)}`, input: http(r, json, type === '' ? {} : { 'content-type': type }), expect: CLEAN };
    }
    case 1: {
      const type = r.pick(['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'image/', 'application/octet-stream', 'image/avif']);
      const body = r.chance(0.5) ? r.bytes(r.int(1, 2048)) : new Uint8Array(Buffer.from(r.pick([json, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'GIF8', 'RIFF____WEBPVP8 '])));
      return { note: `${body.length} bytes of non-image as ${type}`, input: http(r, body, { 'content-type': type }), expect: { kind: 'refused', codes: ['NOT_IMAGE', 'CORRUPT', 'UNSUPPORTED'] } };
    }
    case 2: {
      // A PNG sent with a JSON label is read as JSON text, and is not.
      const type = r.pick(['application/json', 'text/plain', '']);
      return { note: `a PNG as ${JSON.stringify(type)}`, input: http(r, r.pick(kit.pngs).bytes, type === '' ? {} : { 'content-type': type }), expect: { kind: 'refused', codes: ['BAD_JSON', 'TOO_DEEP'] } };
    }
    default:
      return { note: 'a form body', input: http(r, `images=${NOT_AN_IMAGE_BASE64}&use_ai=false`, { 'content-type': 'application/x-www-form-urlencoded' }), expect: { kind: 'refused', codes: ['BAD_JSON'] } };
  }
}

function emptyBodyCase(r: FuzzRandom): Built {
  const type = r.pick(['application/json', '', 'text/plain', 'image/png', 'image/jpeg', 'application/octet-stream']);
  const whitespace = r.chance(0.25);
  const body = whitespace ? r.pick([' ', '\n', '\r\n\t ']) : '';
  const isImage = type.startsWith('image/') || type === 'application/octet-stream';
  const codes = isImage ? (whitespace ? ['NOT_IMAGE'] : ['EMPTY_BODY']) : ['BAD_JSON'];
  return { note: `${whitespace ? 'whitespace' : 'empty'} body as ${JSON.stringify(type)}`, input: http(r, body, type === '' ? {} : { 'content-type': type }), expect: { kind: 'refused', codes } };
}

function extractTwice(r: FuzzRandom, kit: ImageKit): Built {
  const extract = JSON.stringify({ action: 'extract', images: [base64(kit.screen.bytes)], use_ai: false });
  const cancel = '{"action":"cancel"}';
  const [name, frames] = r.pick([
    ['extract, extract', [extract, extract]],
    ['extract, extract, cancel', [extract, extract, cancel]],
    ['extract, cancel', [extract, cancel]],
    ['extract ×3', [extract, extract, extract]],
    ['extract, cancel, cancel, extract', [extract, cancel, cancel, extract]],
  ] as const);
  return { note: name, input: { transport: 'ws', frames, outcomes: frames.filter((f) => f === extract).length, freshSocket: true }, expect: CLEAN };
}

const FAMILIES: Readonly<Record<string, Family>> = {
  'ws-non-json': (r) => overWs(nonJsonMessage(r)),
  'ws-binary': (r) => binaryFrame(r),
  'ws-wrong-types': (r, i) => overWs(i === 0 ? tooManyVotesMessage() : wrongTypeMessage(r)),
  'ws-missing-fields': (r) => overWs(missingFieldMessage(r)),
  'ws-extra-fields': (r) => overWs(extraFieldsMessage(r)),
  'ws-huge-strings': (r, i) => overWs(hugeStringMessage(r, i === 0)),
  'ws-deep-json': (r) => overWs(deepJsonMessage(r)),
  'ws-unknown-action': (r) => overWs(unknownActionMessage(r)),
  'ws-bad-base64': (r, _i, kit) => overWs(badBase64Message(r, base64(r.pick(kit.pngs).bytes))),
  'ws-cancel-no-run': (r) => {
    const { note, frames } = cancelWithoutRunFrames(r);
    return { note, input: { transport: 'ws', frames, outcomes: 0 }, expect: { kind: 'refused', codes: [] } };
  },
  'ws-extract-twice': (r, _i, kit) => extractTwice(r, kit),
  'ws-oversize-frame': () => ({
    note: `a ${LIMITS.maxWsMessageBytes + 1}-byte frame`,
    input: ws(new Uint8Array(LIMITS.maxWsMessageBytes + 1)),
    expect: CLEAN,
    expectClose: 1009,
  }),
  'http-non-json': (r) => overHttp(r, nonJsonMessage(r)),
  'http-wrong-types': (r, i) => overHttp(r, i === 0 ? tooManyVotesMessage() : wrongTypeMessage(r)),
  'http-missing-fields': (r) => overHttp(r, missingFieldMessage(r)),
  'http-extra-fields': (r) => overHttp(r, extraFieldsMessage(r)),
  'http-huge-strings': (r, i) => overHttp(r, hugeStringMessage(r, i === 0)),
  'http-deep-json': (r) => overHttp(r, deepJsonMessage(r)),
  'http-unknown-action': (r) => overHttp(r, unknownActionMessage(r)),
  'http-bad-base64': (r, _i, kit) => overHttp(r, badBase64Message(r, base64(r.pick(kit.pngs).bytes))),
  'http-content-type': (r, _i, kit) => contentTypeCase(r, kit),
  'http-empty-body': (r) => emptyBodyCase(r),
  'http-declared-oversize': (r, i) => ({
    note: `Content-Length ${LIMITS.maxBodyBytes + 1}, ${i === 0 ? 'JSON' : 'PNG'}`,
    input: { transport: 'http', body: '{"images":[', headers: i === 0 ? JSON_TYPE : { 'content-type': 'image/png' }, declaredLength: LIMITS.maxBodyBytes + 1 },
    expect: { kind: 'refused', codes: ['TOO_LARGE'] },
  }),
  'img-truncated-png': (r, _i, kit) => imageInput(r, kit, truncatedPng(r, kit)),
  'img-wrong-magic': (r, _i, kit) => imageInput(r, kit, wrongMagic(r, kit)),
  'img-huge-dimensions': (r, _i, kit) => imageInput(r, kit, hugeDimensions(r)),
  'img-zero-size': (r, _i, kit) => imageInput(r, kit, zeroSize(r, kit)),
  'img-corrupt-image-data': (r, _i, kit) => imageInput(r, kit, corruptImageData(r, kit)),
  'img-foreign-format-garbage': (r, _i, kit) => imageInput(r, kit, foreignFormatGarbage(r, kit)),
};

/** Where a case sits in the plan; the case itself is built only when it is sent (some hold tens of megabytes). */
export interface PlannedCase {
  readonly index: number;
  readonly family: string;
  readonly ordinal: number;
}

/** Every family's cases, shuffled by the seed so the transports and families interleave. */
export function planFuzzCases(seed: number, sizes: Readonly<Record<string, number>> = FAMILY_SIZES): PlannedCase[] {
  const slots = Object.entries(sizes).flatMap(([family, count]) => Array.from({ length: count }, (_, ordinal) => ({ family, ordinal })));
  const r = createFuzzRandom(seed);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  return slots.map((slot, index) => ({ index, ...slot }));
}

/** Builds the case at `planned` from its own seed: the same seed and index always give the same bytes. */
export function buildFuzzCase(seed: number, planned: PlannedCase, kit: ImageKit): BuiltCase {
  const family = FAMILIES[planned.family];
  if (!family) throw new Error(`no fuzz family ${planned.family}`);
  return { index: planned.index, family: planned.family, ...family(createFuzzRandom(caseSeed(seed, planned.index)), planned.ordinal, kit) };
}

