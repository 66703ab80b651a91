import { MAX_IMAGE_BASE64 } from '../../../core/protocol/extract-request.ts';
import type { Expectation } from './fuzz-case.ts';
import type { FuzzRandom } from './fuzz-random.ts';

/** A request text and what each transport must answer it with. */
export interface MessageCase {
  readonly note: string;
  readonly text: string;
  readonly ws: Expectation;
  readonly http: Expectation;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const refused = (...codes: string[]): Expectation => ({ kind: 'refused', codes });
const CLEAN: Expectation = { kind: 'clean' };
/** What a message that fails the schema gets on each transport. */
const SCHEMA = { ws: refused('BAD_MESSAGE'), http: refused('BAD_REQUEST') };
const DEEP = { ws: refused('TOO_DEEP'), http: refused('TOO_DEEP') };
/** A well-formed request whose only fault is the image: three zero bytes are no format at all. */
const NOT_IMAGE = { ws: refused('NOT_IMAGE'), http: refused('NOT_IMAGE') };
/** base64 of three zero bytes: passes the schema, and is no image. */
export const NOT_AN_IMAGE_BASE64 = 'AAAA';

/** A request that passes the schema (and then fails on its image): the base every mutation starts from. */
export function baseRequest(): { [key: string]: Json } {
  return {
    action: 'extract',
    images: [NOT_AN_IMAGE_BASE64],
    use_ai: false,
    max_cost: 0.01,
    paid: 'auto',
    votes: [{ extractor: 'flat-regions', weight: 1, hex: '#282a36', role: 'background', measured: true, share: 0.5 }],
  };
}

/** Values of the wrong type or out of range for each field; none of them can pass the schema. */
const WRONG: Readonly<Record<string, readonly Json[]>> = {
  action: [1, 0, true, false, null, {}, [], 'EXTRACT', 'Extract', ' extract', 'extract ', '', 'extract\u0000', ['extract']],
  images: ['AAAA', 1, true, null, {}, [], { 0: 'AAAA' }, [1], [null], [true], [{}], [[]], [''], ['AAAA', 2], Array<Json>(9).fill('AAAA'), ['not base64!'], ['AA AA'], ['AA\nAA'], ['AAA==='], ['=AAA'], ['AA=A']],
  use_ai: ['true', 'false', 1, 0, null, {}, [], 'yes'],
  max_cost: ['0.1', -0.01, -1, 10.0001, 11, 1e308, null, true, {}, [], ''],
  paid: ['never', 'AUTO', 'Always', '', 1, null, true, ['auto'], {}],
  votes: ['x', 1, null, {}, true, [1], [null], ['x'], [[]]],
  'votes.0.extractor': [1, null, '', 'x'.repeat(65), {}, [], true],
  'votes.0.weight': [0, -1, 100.5, '1', null, true, [], {}],
  'votes.0.hex': ['#12345', '#1234567', 'red', 123, null, '#gggggg', '282a36', '#282a3', '', []],
  'votes.0.role': ['boss', 1, null, '', 'Background', []],
  'votes.0.name': ['', '   ', 'x'.repeat(65), 1, null, {}],
  'votes.0.measured': ['true', 1, 0, null, 'yes'],
  'votes.0.share': [-0.1, 1.1, '0.5', null, true],
};

function setPath(target: { [key: string]: Json }, path: string, value: Json | undefined): void {
  const keys = path.split('.');
  let node: Json = target;
  for (const key of keys.slice(0, -1)) node = (node as { [key: string]: Json })[key] ?? null;
  const last = keys.at(-1)!;
  const holder = node as { [key: string]: Json };
  if (value === undefined) delete holder[last];
  else holder[last] = value;
}

/** A field set to a value of the wrong type or range. */
export function wrongTypeMessage(r: FuzzRandom): MessageCase {
  const path = r.pick(Object.keys(WRONG));
  const value = r.pick(WRONG[path]!);
  const request = baseRequest();
  setPath(request, path, value);
  return { note: `${path} = ${JSON.stringify(value).slice(0, 40)}`, text: JSON.stringify(request), ...SCHEMA };
}

/** 1025 votes, one over the schema's cap. */
export function tooManyVotesMessage(): MessageCase {
  const request = baseRequest();
  const vote = (request.votes as Json[])[0]!;
  request.votes = Array<Json>(1025).fill(vote);
  return { note: 'votes × 1025', text: JSON.stringify(request), ...SCHEMA };
}

/** A required field left out. Over HTTP `action` may be left out (it is implied), so that one then fails on the image. */
export function missingFieldMessage(r: FuzzRandom): MessageCase {
  const variant = r.int(0, 7);
  const request = baseRequest();
  switch (variant) {
    case 0:
      delete request.images;
      return { note: 'no images', text: JSON.stringify(request), ...SCHEMA };
    case 1:
      delete request.action;
      return { note: 'no action', text: JSON.stringify(request), ws: refused('BAD_MESSAGE'), http: NOT_IMAGE.http };
    case 2:
      delete request.action;
      delete request.images;
      return { note: 'no action, no images', text: JSON.stringify(request), ws: refused('BAD_MESSAGE'), http: refused('BAD_REQUEST') };
    case 3:
      return { note: '{}', text: '{}', ws: refused('BAD_MESSAGE'), http: refused('BAD_REQUEST') };
    default: {
      const field = r.pick(['extractor', 'weight', 'hex', 'measured']);
      setPath(request, `votes.0.${field}`, undefined);
      return { note: `no votes.0.${field}`, text: JSON.stringify(request), ...SCHEMA };
    }
  }
}

/** Keys that have tripped JavaScript servers before (prototype pollution) and near-misses of real ones. */
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'action ', 'Images', 'IMAGES', 'use-ai', 'maxCost', '\u0000', '🎨'];

function randomJson(r: FuzzRandom, depth: number): Json {
  const kind = r.int(0, depth > 0 ? 6 : 4);
  switch (kind) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick([0, -1, 1.5, 1e21, -1e-7, 2 ** 53 + 1]);
    case 3: return r.string(r.int(0, 24));
    case 4: return r.int(-1000, 1000);
    case 5: return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth - 1));
    default: return Object.fromEntries(Array.from({ length: r.int(0, 3) }, () => [r.string(r.int(1, 8)), randomJson(r, depth - 1)]));
  }
}

/** `text` (a JSON object) with `"key":value` pairs added at its end; written as text so `__proto__` stays a plain key. */
function withExtraPairs(objectText: string, pairs: readonly (readonly [string, Json])[]): string {
  const added = pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
  return added === '' ? objectText : `${objectText.slice(0, -1)}${objectText.length > 2 ? ',' : ''}${added}}`;
}

/** Extra fields at the top or inside a vote: ignored by the schema, so the request fails on its image. */
export function extraFieldsMessage(r: FuzzRandom): MessageCase {
  const pairs = Array.from({ length: r.int(1, 5) }, () => [r.chance(0.5) ? r.pick(ODD_KEYS) : r.string(r.int(1, 12)), randomJson(r, 3)] as const);
  const unique = pairs.filter(([k], i) => !['action', 'images', 'use_ai', 'max_cost', 'paid', 'votes', 'extractor', 'weight', 'hex', 'role', 'name', 'measured', 'share'].includes(k) && pairs.findIndex(([j]) => j === k) === i);
  const request = baseRequest();
  if (r.chance(0.7)) {
    return { note: `extra top-level ${unique.map(([k]) => JSON.stringify(k)).join(' ')}`, text: withExtraPairs(JSON.stringify(request), unique), ...NOT_IMAGE };
  }
  const vote = (request.votes as Json[])[0]!;
  request.votes = [];
  // A function, not a string, as the replacement: random text holds `$&` and the like.
  const text = JSON.stringify(request).replace('"votes":[]', () => `"votes":[${withExtraPairs(JSON.stringify(vote), unique)}]`);
  return { note: `extra vote fields ${unique.map(([k]) => JSON.stringify(k)).join(' ')}`, text, ...NOT_IMAGE };
}

/** Strings far longer than any field needs, in every place a string goes. `overLimit` makes an image string past the schema's cap (about 28 MB). */
export function hugeStringMessage(r: FuzzRandom, overLimit: boolean): MessageCase {
  if (overLimit) {
    const request = baseRequest();
    request.images = ['A'.repeat(MAX_IMAGE_BASE64 + 4)];
    return { note: `image of ${MAX_IMAGE_BASE64 + 4} base64 characters (over the cap)`, text: JSON.stringify(request), ...SCHEMA };
  }
  const size = r.pick([1 << 16, 1 << 18, 1 << 20, 3 << 20]);
  const big = 'x'.repeat(size);
  const request = baseRequest();
  const variant = r.int(0, 8);
  const note = `${size} characters in`;
  switch (variant) {
    case 0:
      request.images = [`${'A'.repeat(size)}!`];
      return { note: `${note} images.0 (not base64)`, text: JSON.stringify(request), ...SCHEMA };
    case 1:
      request.images = ['A'.repeat(size)];
      return { note: `${note} images.0 (base64 zeros)`, text: JSON.stringify(request), ...NOT_IMAGE };
    case 2:
      request.paid = big;
      return { note: `${note} paid`, text: JSON.stringify(request), ...SCHEMA };
    case 3:
      request.action = big;
      return { note: `${note} action`, text: JSON.stringify(request), ...SCHEMA };
    case 4:
      setPath(request, 'votes.0.extractor', big);
      return { note: `${note} votes.0.extractor`, text: JSON.stringify(request), ...SCHEMA };
    case 5:
      setPath(request, 'votes.0.name', big);
      return { note: `${note} votes.0.name`, text: JSON.stringify(request), ...SCHEMA };
    case 6:
      return { note: `${note} a key`, text: withExtraPairs(JSON.stringify(request), [[big, 1]]), ...NOT_IMAGE };
    case 7:
      // A number literal of `size` digits parses to Infinity, which no field accepts.
      return { note: `${note} a number literal`, text: JSON.stringify(request).replace('"max_cost":0.01', () => `"max_cost":1${'0'.repeat(size)}`), ...SCHEMA };
    default:
      return { note: `${note} an unterminated string`, text: `{"action":"extract","images":["${big}`, ws: refused('BAD_MESSAGE'), http: refused('BAD_JSON') };
  }
}

/** Nesting past the protocol's depth limit, or just under it in the wrong place, or brackets inside strings. */
export function deepJsonMessage(r: FuzzRandom): MessageCase {
  const depth = r.chance(0.1) ? r.int(10_000, 200_000) : r.int(33, 3_000);
  const arrays = (d: number) => `${'['.repeat(d)}${']'.repeat(d)}`;
  const objects = (d: number) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`;
  const nest = r.chance(0.5) ? arrays : objects;
  const base = JSON.stringify(baseRequest());
  switch (r.int(0, 7)) {
    case 0:
      return { note: `whole message ${depth} deep`, text: nest(depth), ...DEEP };
    case 1:
      return { note: `images ${depth} deep`, text: base.replace(`["${NOT_AN_IMAGE_BASE64}"]`, () => nest(depth)), ...DEEP };
    case 2:
      return { note: `extra field ${depth} deep`, text: withExtraPairs(base, [['x', null]]).replace('"x":null', () => `"x":${nest(depth)}`), ...DEEP };
    case 3:
      return { note: `${depth} unclosed brackets`, text: `{"images":${'['.repeat(depth)}`, ...DEEP };
    case 4: {
      // Under the limit (the message object is level 1): the depth check passes and the schema refuses.
      const shallow = r.int(2, 30);
      return { note: `images ${shallow} deep (under the limit)`, text: base.replace(`["${NOT_AN_IMAGE_BASE64}"]`, () => nest(shallow)), ...SCHEMA };
    }
    case 5:
      return { note: `${depth} brackets inside a string`, text: base.replace(`["${NOT_AN_IMAGE_BASE64}"]`, () => `["${'['.repeat(depth)}"]`), ...SCHEMA };
    case 6:
      // An escaped quote must not end the string for the depth scan.
      return { note: `${depth} brackets after an escaped quote`, text: base.replace(`["${NOT_AN_IMAGE_BASE64}"]`, () => `["\\"${'{'.repeat(depth)}"]`), ...SCHEMA };
    default:
      return { note: `${depth} closing brackets first`, text: `${']'.repeat(depth)}${base}`, ws: refused('BAD_MESSAGE'), http: refused('BAD_JSON') };
  }
}

const NEAR_ACTIONS = ['run', 'start', 'stop', 'ping', 'status', 'extract_all', 'Cancel', 'CANCEL', 'cancel ', 'extract\n', 'ex tract', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'undefined'];

/** A request whose `action` is not one the protocol knows. */
export function unknownActionMessage(r: FuzzRandom): MessageCase {
  const action = r.chance(0.6) ? r.pick(NEAR_ACTIONS) : r.string(r.int(1, 16));
  const request = baseRequest();
  request.action = action === 'extract' || action === 'cancel' ? `${action}?` : action;
  return { note: `action ${JSON.stringify(request.action)}`, text: JSON.stringify(request), ...SCHEMA };
}

/** Text that is not JSON, or JSON that is no message: truncations, JavaScript-isms, scalars, noise. */
export function nonJsonMessage(r: FuzzRandom): MessageCase {
  const valid = JSON.stringify(baseRequest());
  // Random text is now and then valid JSON (`5`, `""`), which the schema refuses instead.
  const notJson = { ws: refused('BAD_MESSAGE', 'TOO_DEEP'), http: refused('BAD_JSON', 'BAD_REQUEST', 'TOO_DEEP') };
  switch (r.int(0, 7)) {
    case 0:
      return { note: 'random printable text', text: r.string(r.int(0, 200)), ...notJson };
    case 1: {
      const cut = r.int(1, valid.length - 1);
      return { note: `request cut at ${cut}`, text: valid.slice(0, cut), ...notJson };
    }
    case 2:
      return { note: 'request + trailing garbage', text: valid + r.pick(['}', ']', ' x', ',', '{}', '\u0000']), ...notJson };
    case 3: {
      const js = r.pick([
        valid.replaceAll('"', "'"),
        valid.replace('"action"', 'action'),
        valid.replace('}', ',}'),
        `// comment\n${valid}`,
        valid.replace('0.01', 'NaN'),
        valid.replace('0.01', 'Infinity'),
        valid.replace('0.01', 'undefined'),
        valid.replace('0.01', '0x10'),
        valid.replace('0.01', '.5'),
        valid.replace('0.01', '01'),
      ]);
      return { note: 'JavaScript, not JSON', text: js, ...notJson };
    }
    case 4: {
      const scalar = r.pick(['null', 'true', 'false', '0', '-1', '"extract"', '[]', '[{"action":"extract"}]', '""', '1e999']);
      return { note: `JSON ${scalar}`, text: scalar, ws: refused('BAD_MESSAGE'), http: refused('BAD_REQUEST') };
    }
    case 5:
      return { note: 'random unicode', text: r.string(r.int(1, 100), 'aé中🎨\u0000\u0001\u001f\u2028\u2029\ufeff\\"{}[]:,'), ...notJson };
    case 6:
      // A byte-order mark: not JSON to JSON.parse, but an HTTP body's decoder may strip it. Either way a clean answer.
      return { note: 'request after a BOM', text: `\ufeff${valid}`, ws: CLEAN, http: CLEAN };
    default:
      return { note: 'whitespace only', text: r.pick(['', ' ', '\n', '\t\r\n ']), ...notJson };
  }
}

/** Image strings that are not standard, padded base64; none may reach the server's code as an exception. */
export function badBase64Message(r: FuzzRandom, pngBase64: string): MessageCase {
  const request = baseRequest();
  const withImage = (image: string, note: string, expect: { ws: Expectation; http: Expectation }): MessageCase => {
    request.images = [image];
    return { note, text: JSON.stringify(request), ...expect };
  };
  const clean = { ws: CLEAN, http: CLEAN };
  switch (r.int(0, 9)) {
    case 0: {
      // Passes the schema's alphabet check, but 4n+1 characters is no base64 at all.
      const length = 4 * r.int(0, 64) + 1;
      return withImage(r.string(length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'), `${length} base64 characters (4n+1)`, clean);
    }
    case 1: {
      // Padding where the length is not a multiple of 4.
      const image = r.pick(['AA=', 'AAAAA=', 'AAAAAA=', 'AAAAA==', 'A=', 'A==']);
      return withImage(image, `misplaced padding ${image}`, clean);
    }
    case 2: {
      const bad = r.pick(['-', '_', ' ', '\n', '.', '!', 'é', '\u0000', '%', '*']);
      const at = r.int(0, pngBase64.length);
      return withImage(pngBase64.slice(0, at) + bad + pngBase64.slice(at), `${JSON.stringify(bad)} inside`, SCHEMA);
    }
    case 3:
      return withImage(pngBase64.replaceAll('+', '-').replaceAll('/', '_') + (pngBase64.includes('+') || pngBase64.includes('/') ? '' : '-'), 'base64url alphabet', SCHEMA);
    case 4:
      return withImage(`data:image/png;base64,${pngBase64}`, 'a data: URL', SCHEMA);
    case 5: {
      const wrapped = pngBase64.replace(/(.{76})/g, '$1\r\n');
      return withImage(wrapped === pngBase64 ? `${pngBase64.slice(0, 4)}\r\n${pngBase64.slice(4)}` : wrapped, 'MIME line breaks', SCHEMA);
    }
    case 6:
      return withImage(r.pick(['AAA===', '====', '=', 'AAAA====', '=AAAA']), 'too much padding', SCHEMA);
    case 7: {
      const bytes = r.bytes(r.int(1, 300));
      return withImage(Buffer.from(bytes).toString('base64'), `base64 of ${bytes.length} random bytes`, clean);
    }
    case 8:
      // The padding left off: a lenient decoder reads it; either way a clean answer.
      return withImage(pngBase64.replace(/=+$/, ''), 'padding left off', clean);
    default:
      return withImage(` ${pngBase64} `, 'spaces around', SCHEMA);
  }
}

/** `{"action":"cancel"}`, alone or with fields, once or a few times, with no run going: the server says nothing. */
export function cancelWithoutRunFrames(r: FuzzRandom): { note: string; frames: string[] } {
  const count = r.int(1, 4);
  const extras = r.chance(0.4) ? [[r.pick(ODD_KEYS), randomJson(r, 2)] as const] : [];
  const frame = withExtraPairs('{"action":"cancel"}', extras);
  return { note: `${count} × ${frame.slice(0, 60)}`, frames: Array<string>(count).fill(frame) };
}
