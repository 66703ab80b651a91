import { ciede2000, hexToLab, type Lab } from '../core/color/index.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { figmaRgbToHex } from './private/figma-rgb-to-hex.ts';
import { reasonOf } from './private/reason-of.ts';
import { UndoLog } from './private/undo-log.ts';
import { PluginFailure } from './plugin-failure.ts';
import { MAX_LAYERS } from './read-document-layers.ts';
import { getChorusData } from './private/chorus-plugin-data.ts';

/**
 * A fill or stroke this close (CIEDE2000) to a variable's value is that colour and gets bound to
 * it: 1.0 is under a just-noticeable difference (2.3, Sharma 2003), so binding changes nothing
 * the eye can see; anything farther is left alone, as a colour the designer meant differently.
 */
export const TOKENIZE_DE = 1;
/** Aliases followed to a value; Figma refuses alias cycles. */
const MAX_ALIAS_HOPS = 16;

export interface TokenizeCount {
  readonly variableId: string;
  readonly variableName: string;
  readonly hex: string;
  readonly fills: number;
  readonly strokes: number;
}

export interface TokenizePreview {
  /** Per variable, the paints that would be bound to it, most first. */
  readonly counts: readonly TokenizeCount[];
  /** Solid paints already bound to a variable: never touched. */
  readonly alreadyBound: number;
  /** Solid paints farther than TOKENIZE_DE from every variable: never touched. */
  readonly outside: number;
  /** Text layers whose ranges differ (mixed fills): left alone, their ranges are the designer's. */
  readonly mixedText: number;
  /** The walk stopped at MAX_LAYERS. */
  readonly cut: boolean;
}

interface Target {
  readonly variable: Variable;
  readonly hex: string;
  readonly lab: Lab;
}

interface Match {
  readonly node: SceneNode & MinimalFillsMixin & MinimalStrokesMixin;
  readonly field: 'fills' | 'strokes';
  readonly index: number;
  readonly target: Target;
}

/** What tokenizing the selection would bind, nothing written. */
export async function previewTokenize(figma: PluginAPI, prefix: string): Promise<TokenizePreview> {
  const { preview } = await plan(figma, prefix);
  return preview;
}

/**
 * Binds the selected layers' solid fills and strokes within TOKENIZE_DE of a variable Chorus wrote
 * or reused (the Chorus variables of `prefix`, an alias bound to the design-system variable it
 * points at) to that variable, only for `variableIds` when given. A paint already bound, farther
 * than the tolerance, or on a text layer with mixed ranges is not touched. One undo step; if Figma
 * refuses a change, every change is rolled back (PluginFailure WRITE_FAILED).
 */
export async function applyTokenize(figma: PluginAPI, prefix: string, variableIds?: readonly string[]): Promise<TokenizePreview> {
  const { preview, matches } = await plan(figma, prefix);
  const chosen = variableIds ? new Set(variableIds) : undefined;
  const undo = new UndoLog();
  try {
    const byNode = new Map<Match['node'], Match[]>();
    for (const m of matches) if (!chosen || chosen.has(m.target.variable.id)) byNode.set(m.node, [...(byNode.get(m.node) ?? []), m]);
    for (const [node, nodeMatches] of byNode) {
      for (const field of ['fills', 'strokes'] as const) {
        const mine = nodeMatches.filter((m) => m.field === field);
        if (mine.length === 0) continue;
        const before = node[field] as readonly Paint[];
        const next = before.map((paint, i) => {
          const m = mine.find((x) => x.index === i);
          return m && paint.type === 'SOLID' ? figma.variables.setBoundVariableForPaint(paint, 'color', m.target.variable) : paint;
        });
        undo.push(() => {
          node[field] = before as Paint[];
        });
        node[field] = next;
      }
    }
  } catch (error) {
    const undone = undo.rollBack();
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to bind the layers (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to bind the layers (${reasonOf(error)}) and Chorus could not undo all of it. Press Undo (Ctrl+Z / ⌘Z) once, then reload the file.`,
    );
  }
  if (undo.length > 0) figma.commitUndo();
  return { ...preview, counts: chosen ? preview.counts.filter((c) => chosen.has(c.variableId)) : preview.counts };
}

async function plan(figma: PluginAPI, prefix: string): Promise<{ preview: TokenizePreview; matches: Match[] }> {
  const targets = await chorusTargets(figma, prefix);
  const matches: Match[] = [];
  let alreadyBound = 0;
  let outside = 0;
  let mixedText = 0;
  let visited = 0;
  const stack: SceneNode[] = [...figma.currentPage.selection].reverse();
  while (stack.length > 0 && visited < MAX_LAYERS) {
    const node = stack.pop()!;
    visited++;
    if (!node.visible) continue;
    if ('fills' in node && 'strokes' in node) {
      const paintable = node as Match['node'];
      for (const field of ['fills', 'strokes'] as const) {
        const paints = paintable[field];
        if (!Array.isArray(paints)) {
          if (node.type === 'TEXT' && field === 'fills') mixedText++;
          continue;
        }
        (paints as readonly Paint[]).forEach((paint, index) => {
          if (paint.type !== 'SOLID' || paint.visible === false) return;
          if (paint.boundVariables?.color) {
            alreadyBound++;
            return;
          }
          const target = nearest(hexToLab(figmaRgbToHex(paint.color))!, targets);
          if (target) matches.push({ node: paintable, field, index, target });
          else outside++;
        });
      }
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const counts = new Map<string, TokenizeCount>();
  for (const m of matches) {
    const id = m.target.variable.id;
    const c = counts.get(id) ?? { variableId: id, variableName: m.target.variable.name, hex: m.target.hex, fills: 0, strokes: 0 };
    counts.set(id, { ...c, fills: c.fills + Number(m.field === 'fills'), strokes: c.strokes + Number(m.field === 'strokes') });
  }
  return {
    matches,
    preview: {
      counts: [...counts.values()].sort((a, b) => b.fills + b.strokes - (a.fills + a.strokes) || (a.variableName < b.variableName ? -1 : 1)),
      alreadyBound,
      outside,
      mixedText,
      cut: stack.length > 0,
    },
  };
}

function nearest(lab: Lab, targets: readonly Target[]): Target | undefined {
  let best: Target | undefined;
  let bestDe = TOKENIZE_DE;
  for (const t of targets) {
    const de = ciede2000(lab, t.lab);
    if (de < bestDe) [best, bestDe] = [t, de];
  }
  return best;
}

/** Chorus's variables of `prefix` (any collection), each as the variable to bind: an alias's target, the design system's own. */
async function chorusTargets(figma: PluginAPI, prefix: string): Promise<Target[]> {
  const [collections, variables] = await Promise.all([figma.variables.getLocalVariableCollectionsAsync(), figma.variables.getLocalVariablesAsync('COLOR')]);
  const modeOf = new Map(collections.map((c) => [c.id, c.defaultModeId]));
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const own of variables) {
    if (getChorusData(own, CHORUS_STYLE_DATA.prefix) !== prefix || getChorusData(own, CHORUS_STYLE_DATA.slot) === '') continue;
    let variable: Variable = own;
    let value: VariableValue | undefined = variable.valuesByMode[modeOf.get(variable.variableCollectionId) ?? ''];
    for (let hops = 0; hops < MAX_ALIAS_HOPS && isAlias(value); hops++) {
      const next = await figma.variables.getVariableByIdAsync(value.id);
      if (!next) break;
      variable = next;
      const mode = modeOf.get(next.variableCollectionId);
      value = mode !== undefined ? next.valuesByMode[mode] : Object.values(next.valuesByMode)[0];
    }
    if (typeof value !== 'object' || value === null || !('r' in value) || seen.has(variable.id)) continue;
    seen.add(variable.id);
    const hex = figmaRgbToHex(value);
    targets.push({ variable, hex, lab: hexToLab(hex)! });
  }
  return targets;
}

function isAlias(value: VariableValue | undefined): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}
