/**
 * Paint validation and storage as Figma does it, for the fake's `style.paints`.
 *
 * What Figma does and the fake copies:
 * - a write is checked whole before anything changes, and a bad value throws an Error whose message
 *   reads like Figma's (`in set_paints: Expected "paints.[0].color.r" to have value <= 1 ...`);
 * - colour channels and opacity are numbers in 0–1 (Figma units, not 0–255); unknown keys throw
 *   (the classic `{ r, g, b, a }` mistake: a SolidPaint's colour has no alpha, use `opacity`);
 * - a read returns a new, deeply frozen array with defaults filled in (visible, opacity,
 *   blendMode, boundVariables), so mutating it throws and identity never survives a round trip;
 * - numbers are stored as 32-bit floats, so 51/255 does not read back as exactly 51/255: compare
 *   colours in 8-bit units, never floats with `===`.
 * Only SOLID paints are checked field by field; other paint types are checked for their common
 * fields and stored as given.
 */

const PAINT_TYPES = new Set([
  'SOLID',
  'GRADIENT_LINEAR',
  'GRADIENT_RADIAL',
  'GRADIENT_ANGULAR',
  'GRADIENT_DIAMOND',
  'IMAGE',
  'VIDEO',
  'PATTERN',
]);

/** BlendMode from @figma/plugin-typings. */
const BLEND_MODES = new Set([
  'PASS_THROUGH',
  'NORMAL',
  'DARKEN',
  'MULTIPLY',
  'LINEAR_BURN',
  'COLOR_BURN',
  'LIGHTEN',
  'SCREEN',
  'LINEAR_DODGE',
  'COLOR_DODGE',
  'OVERLAY',
  'SOFT_LIGHT',
  'HARD_LIGHT',
  'DIFFERENCE',
  'EXCLUSION',
  'HUE',
  'SATURATION',
  'COLOR',
  'LUMINOSITY',
]);

const SOLID_KEYS = new Set(['type', 'color', 'visible', 'opacity', 'blendMode', 'boundVariables']);
const COLOR_KEYS = new Set(['r', 'g', 'b', 'sourceColor']);

/** Checks `value` as Figma checks an assignment to `paints`, and returns what a read gives back. */
export function validatePaints(value: unknown, operation = 'set_paints', field = 'paints'): readonly Paint[] {
  const fail = (message: string): never => {
    throw new Error(`in ${operation}: ${message}`);
  };
  if (!Array.isArray(value)) fail(`Expected "${field}" to have type array but got ${typeName(value)} instead`);
  const paints = value as unknown[];
  return deepFreeze(paints.map((paint, i) => normalizePaint(paint, `${field}.[${i}]`, fail)));
}

/** A fresh, deeply frozen copy of stored paints: what each read of `paints` returns. */
export function readPaints(stored: readonly Paint[]): readonly Paint[] {
  return deepFreeze(structuredClone(stored) as Paint[]);
}

function normalizePaint(paint: unknown, path: string, fail: (message: string) => never): Paint {
  if (!isRecord(paint)) return fail(`Expected "${path}" to have type object but got ${typeName(paint)} instead`);
  const type = paint['type'];
  if (typeof type !== 'string' || !PAINT_TYPES.has(type)) {
    return fail(`Expected "${path}.type" to be one of ${[...PAINT_TYPES].join(', ')} but got ${JSON.stringify(type)} instead`);
  }
  const visible = paint['visible'] ?? true;
  if (typeof visible !== 'boolean') fail(`Expected "${path}.visible" to have type boolean but got ${typeName(visible)} instead`);
  const opacity = checkUnit(paint['opacity'] ?? 1, `${path}.opacity`, fail);
  const blendMode = paint['blendMode'] ?? 'NORMAL';
  if (typeof blendMode !== 'string' || !BLEND_MODES.has(blendMode)) {
    fail(`Expected "${path}.blendMode" to be a BlendMode but got ${JSON.stringify(blendMode)} instead`);
  }
  if (type !== 'SOLID') {
    return { ...(structuredClone(paint) as object), visible, opacity: Math.fround(opacity), blendMode } as Paint;
  }

  const unknown = Object.keys(paint).filter((key) => !SOLID_KEYS.has(key));
  if (unknown.length > 0) fail(`Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(', ')} at "${path}"`);
  const color = paint['color'];
  if (!isRecord(color)) return fail(`Expected "${path}.color" to have type object but got ${typeName(color)} instead`);
  const unknownColor = Object.keys(color).filter((key) => !COLOR_KEYS.has(key));
  if (unknownColor.length > 0) {
    fail(`Unrecognized key(s) in object: ${unknownColor.map((k) => `'${k}'`).join(', ')} at "${path}.color"`);
  }
  const r = checkUnit(color['r'], `${path}.color.r`, fail);
  const g = checkUnit(color['g'], `${path}.color.g`, fail);
  const b = checkUnit(color['b'], `${path}.color.b`, fail);
  const boundVariables = paint['boundVariables'] ?? {};
  if (!isRecord(boundVariables)) {
    fail(`Expected "${path}.boundVariables" to have type object but got ${typeName(boundVariables)} instead`);
  }
  checkBoundVariables(boundVariables as Record<string, unknown>, `${path}.boundVariables`, fail);
  return {
    type: 'SOLID',
    visible,
    opacity: Math.fround(opacity),
    blendMode: blendMode as BlendMode,
    // Figma keeps paint numbers as 32-bit floats.
    color: { r: Math.fround(r), g: Math.fround(g), b: Math.fround(b) },
    boundVariables: structuredClone(boundVariables),
  };
}

/**
 * A SolidPaint binds only its `color` (VariableBindablePaintField), to a `{ type: 'VARIABLE_ALIAS', id }`.
 * Figma accepts an id that names no variable on this path (it then renders the paint white), so the
 * fake checks the shape only; setBoundVariableForPaint is where a bad variable is refused.
 */
function checkBoundVariables(bound: Record<string, unknown>, path: string, fail: (message: string) => never): void {
  const unknown = Object.keys(bound).filter((key) => key !== 'color');
  if (unknown.length > 0) fail(`Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(', ')} at "${path}"`);
  const alias = bound['color'];
  if (alias === undefined) return;
  if (!isRecord(alias) || alias['type'] !== 'VARIABLE_ALIAS' || typeof alias['id'] !== 'string') {
    fail(`Expected "${path}.color" to be a VariableAlias ({ type: 'VARIABLE_ALIAS', id })`);
  }
  const extra = Object.keys(alias as Record<string, unknown>).filter((key) => key !== 'type' && key !== 'id');
  if (extra.length > 0) fail(`Unrecognized key(s) in object: ${extra.map((k) => `'${k}'`).join(', ')} at "${path}.color"`);
}

function checkUnit(value: unknown, path: string, fail: (message: string) => never): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return fail(`Expected "${path}" to have type number but got ${typeName(value)} instead`);
  }
  if (value < 0) fail(`Expected "${path}" to have value >= 0 but got ${value} instead`);
  if (value > 1) fail(`Expected "${path}" to have value <= 1 but got ${value} instead`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
