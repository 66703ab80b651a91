import type { DocumentRead, LayerPaint } from '../core/document/layer-paint.ts';
import { figmaRgbToHex } from './private/figma-rgb-to-hex.ts';

/** Layers one read visits at most: a screen is hundreds, a whole design system page tens of thousands. */
export const MAX_LAYERS = 20_000;
/** Time one read may take, ms: the palette should not wait on a huge selection longer than this. */
export const MAX_READ_MS = 1_500;
/** How often (in layers) the clock is read: Date.now per layer would cost more than the walk. */
const CLOCK_EVERY = 128;
/** Paints at least this opaque hide what is behind them (for areas and backdrops). */
const OPAQUE = 0.995;

export interface ReadLimits {
  readonly maxLayers?: number;
  readonly maxMs?: number;
  /** The clock, ms; tests pass a fake one. */
  readonly now?: () => number;
}

interface Visit {
  readonly node: SceneNode;
  readonly depth: number;
  readonly root: number;
  /** Product of the ancestors' opacities. */
  readonly alpha: number;
  /** The rendered colour of the nearest opaque fill behind this layer, as 0–1 RGB. */
  readonly backdrop: RGB | undefined;
}

/**
 * Reads the solid fills and strokes of the selected layers and their descendants (visible ones,
 * with their opacity), the fills of text ranges (getStyledTextSegments) and the names of the
 * variables and styles they are bound to, as plain data for the document voter. Depth-first,
 * bounded by `maxLayers` and `maxMs`; a read cut short says so in `cut`. Image fills are counted,
 * not read: screenshots are the pixels' business (CV). Async APIs only (dynamic-page).
 */
export async function readDocumentLayers(figma: PluginAPI, limits: ReadLimits = {}): Promise<DocumentRead> {
  const maxLayers = limits.maxLayers ?? MAX_LAYERS;
  const maxMs = limits.maxMs ?? MAX_READ_MS;
  const now = limits.now ?? (() => Date.now());
  const start = now();
  const names = new Map<string, Promise<string | undefined>>();
  const nameOf = (kind: 'variable' | 'style', id: string): Promise<string | undefined> => {
    let found = names.get(`${kind}:${id}`);
    if (!found) {
      found = (kind === 'variable' ? figma.variables.getVariableByIdAsync(id) : figma.getStyleByIdAsync(id)).then((v) => v?.name);
      names.set(`${kind}:${id}`, found);
    }
    return found;
  };
  const boundName = async (paint: SolidPaint, styleId: unknown): Promise<string | undefined> => {
    const variableId = paint.boundVariables?.color?.id;
    if (variableId) return nameOf('variable', variableId);
    return typeof styleId === 'string' && styleId !== '' ? nameOf('style', styleId) : undefined;
  };

  const selection = figma.currentPage.selection;
  const rootAreas = selection.map((n) => n.width * n.height);
  const paints: LayerPaint[] = [];
  let visited = 0;
  let imageFills = 0;
  let cut: DocumentRead['cut'];
  const stack: Visit[] = selection.map((node, root) => ({ node, depth: 0, root, alpha: 1, backdrop: undefined })).reverse();

  while (stack.length > 0) {
    if (visited >= maxLayers) {
      cut = { reason: 'count', limit: maxLayers };
      break;
    }
    if (visited % CLOCK_EVERY === 0 && now() - start > maxMs) {
      cut = { reason: 'time', limit: maxMs };
      break;
    }
    const visit = stack.pop()!;
    const { node, depth, root } = visit;
    visited++;
    if (!node.visible) continue;
    const alpha = visit.alpha * ('opacity' in node ? node.opacity : 1);
    const base = { depth, root };
    const children = 'children' in node ? (node.children as readonly SceneNode[]) : [];
    let backdrop = visit.backdrop;

    if (node.type === 'TEXT') {
      const segments = node.getStyledTextSegments(['fills', 'fillStyleId', 'fontSize', 'fontWeight']);
      const length = Math.max(1, node.characters.length);
      for (const segment of segments) {
        const paint = topSolid(segment.fills);
        imageFills += segment.fills.filter((p) => p.type === 'IMAGE' && p.visible !== false).length;
        if (!paint) continue;
        const rendered = composite(paint, alpha, backdrop);
        const name = await boundName(paint, segment.fillStyleId);
        paints.push({
          ...base,
          kind: 'text',
          hex: figmaRgbToHex(rendered.rgb),
          authoredHex: figmaRgbToHex(paint.color),
          alpha: rendered.alpha,
          area: (node.width * node.height * (segment.end - segment.start)) / length,
          behindChildren: false,
          ...(backdrop ? { backdropHex: figmaRgbToHex(backdrop) } : {}),
          fontSize: segment.fontSize,
          fontWeight: segment.fontWeight,
          ...(name ? { boundName: name } : {}),
        });
      }
    } else if ('fills' in node && Array.isArray(node.fills)) {
      const fills = node.fills as readonly Paint[];
      imageFills += fills.filter((p) => p.type === 'IMAGE' && p.visible !== false).length;
      const paint = topSolid(fills);
      if (paint) {
        const rendered = composite(paint, alpha, backdrop);
        const name = await boundName(paint, 'fillStyleId' in node ? node.fillStyleId : undefined);
        const covered = children.reduce((sum, c) => sum + (c.visible && hasOpaqueFill(c) ? c.width * c.height : 0), 0);
        const label = children.find((c): c is TextNode => c.type === 'TEXT' && c.visible);
        const labelPaint = label && Array.isArray(label.fills) ? topSolid(label.fills as readonly Paint[]) : undefined;
        paints.push({
          ...base,
          kind: isFrameLike(node) ? 'frame-fill' : 'shape-fill',
          hex: figmaRgbToHex(rendered.rgb),
          authoredHex: figmaRgbToHex(paint.color),
          alpha: rendered.alpha,
          area: Math.max(0, node.width * node.height - covered),
          behindChildren: children.length > 0,
          ...(labelPaint ? { labelHex: figmaRgbToHex(composite(labelPaint, alpha, rendered.rgb).rgb) } : {}),
          ...(name ? { boundName: name } : {}),
        });
        if (rendered.alpha >= OPAQUE || backdrop) backdrop = rendered.rgb;
      }
    }

    if ('strokes' in node && Array.isArray(node.strokes)) {
      const paint = topSolid(node.strokes as readonly Paint[]);
      if (paint) {
        const rendered = composite(paint, alpha, visit.backdrop);
        const weight = 'strokeWeight' in node && typeof node.strokeWeight === 'number' ? node.strokeWeight : 1;
        const name = await boundName(paint, 'strokeStyleId' in node ? node.strokeStyleId : undefined);
        paints.push({
          ...base,
          kind: 'stroke',
          hex: figmaRgbToHex(rendered.rgb),
          authoredHex: figmaRgbToHex(paint.color),
          alpha: rendered.alpha,
          area: 2 * (node.width + node.height) * weight,
          behindChildren: false,
          ...(name ? { boundName: name } : {}),
        });
      }
    }

    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, depth: depth + 1, root, alpha, backdrop });
    }
  }
  return { paints, rootAreas, visited, imageFills, ...(cut ? { cut } : {}), ms: Math.max(0, now() - start) };
}

/** The topmost visible solid paint (Figma lists paints bottom to top). */
function topSolid(paints: readonly Paint[]): SolidPaint | undefined {
  for (let i = paints.length - 1; i >= 0; i--) {
    const p = paints[i]!;
    if (p.visible !== false && p.type === 'SOLID' && (p.opacity ?? 1) > 0) return p;
  }
  return undefined;
}

/** The paint as it renders over `backdrop` (source-over in sRGB, as Figma blends), with its effective alpha. */
function composite(paint: SolidPaint, layerAlpha: number, backdrop: RGB | undefined): { rgb: RGB; alpha: number } {
  const alpha = (paint.opacity ?? 1) * layerAlpha;
  if (alpha >= OPAQUE || !backdrop) return { rgb: paint.color, alpha };
  const mix = (f: number, b: number) => f * alpha + b * (1 - alpha);
  return { rgb: { r: mix(paint.color.r, backdrop.r), g: mix(paint.color.g, backdrop.g), b: mix(paint.color.b, backdrop.b) }, alpha };
}

function hasOpaqueFill(node: SceneNode): boolean {
  if (!('fills' in node) || !Array.isArray(node.fills) || node.type === 'TEXT') return false;
  const top = topSolid(node.fills as readonly Paint[]);
  return top !== undefined && (top.opacity ?? 1) * ('opacity' in node ? node.opacity : 1) >= OPAQUE;
}

function isFrameLike(node: SceneNode): boolean {
  return node.type === 'FRAME' || node.type === 'COMPONENT' || node.type === 'INSTANCE' || node.type === 'SECTION';
}
