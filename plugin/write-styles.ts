import type { Source, WriteStylesOptions, WriteSummary } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { assignStyleSlots } from './assign-style-slots.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { PluginFailure } from './plugin-failure.ts';
import { chorusWrittenHex } from './private/chorus-written-hex.ts';
import { currentHex } from './private/current-hex.ts';
import { hexToFigmaRgb } from './private/hex-to-figma-rgb.ts';
import { styleDescription } from './style-description.ts';
import { writeNotification } from './write-notification.ts';

export interface WriteStylesInput {
  readonly palette: readonly PaletteColor[];
  readonly source: Source;
  readonly options: WriteStylesOptions;
}

type Planned =
  | { kind: 'create'; slot: string; name: string; paint: SolidPaint; description: string; hex: string }
  | { kind: 'update'; style: PaintStyle; paint: SolidPaint; description: string; hex: string }
  | { kind: 'unchanged'; style: PaintStyle }
  | { kind: 'edited'; style: PaintStyle; currentHex: string; proposedHex: string };

/**
 * Writes a palette into the file as local paint styles named `<prefix>/<slot>` (see
 * assignStyleSlots), each one SOLID paint in Figma's 0–1 RGB, with its provenance in the
 * description and in plugin data (CHORUS_STYLE_DATA).
 *
 * A style Chorus wrote before is found by plugin data, never by name: it is updated in place and
 * keeps the designer's name for it. A style whose paint no longer matches what Chorus last wrote
 * was edited by hand: it is reported in `editedByHand` and left alone unless
 * `options.overwriteEdited`. A style already showing the proposed colour is `unchanged`.
 * The summary's `created`/`updated`/`unchanged` list style names.
 *
 * Everything is planned and checked before the first write; the writes are then one undo step
 * (`figma.commitUndo()` once). If Figma still throws mid-way, what this call changed is rolled
 * back and it throws a PluginFailure WRITE_FAILED, so the file never holds half a palette.
 * Styles are read only through the async API (the manifest asks for dynamic-page access).
 */
export async function writeStyles(figma: PluginAPI, input: WriteStylesInput): Promise<WriteSummary> {
  const { palette, source, options } = input;
  const existing = chorusStylesBySlot(await figma.getLocalPaintStylesAsync(), options.prefix);
  const plan = assignStyleSlots(palette).map(({ slot, color }) =>
    planSlot(existing.get(slot), slot, color, source, options),
  );

  const summary: WriteSummary = { created: [], updated: [], unchanged: [], editedByHand: [] };
  const undoLog: (() => void)[] = [];
  try {
    for (const step of plan) {
      switch (step.kind) {
        case 'create': {
          const style = figma.createPaintStyle();
          undoLog.push(() => style.remove());
          style.name = step.name;
          style.paints = [step.paint];
          style.description = step.description;
          style.setPluginData(CHORUS_STYLE_DATA.prefix, options.prefix);
          style.setPluginData(CHORUS_STYLE_DATA.slot, step.slot);
          style.setPluginData(CHORUS_STYLE_DATA.hex, step.hex);
          summary.created.push(style.name);
          break;
        }
        case 'update': {
          const { style } = step;
          undoLog.push(restorer(style));
          style.paints = [step.paint];
          style.description = step.description;
          style.setPluginData(CHORUS_STYLE_DATA.hex, step.hex);
          summary.updated.push(style.name);
          break;
        }
        case 'unchanged':
          summary.unchanged.push(step.style.name);
          break;
        case 'edited':
          summary.editedByHand.push({
            styleId: step.style.id,
            name: step.style.name,
            currentHex: step.currentHex,
            proposedHex: step.proposedHex,
          });
          break;
      }
    }
  } catch (error) {
    const undone = rollBack(undoLog);
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to write the styles (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to write the styles (${reasonOf(error)}) and Chorus could not undo all of its changes. Press Undo (Ctrl+Z / ⌘Z) once to remove them, then reload the file.`,
    );
  }

  if (undoLog.length > 0) figma.commitUndo();
  figma.notify(writeNotification(summary));
  return summary;
}

/** Chorus's styles for this prefix, by slot; if the designer duplicated one, the first in the file wins. */
function chorusStylesBySlot(styles: readonly PaintStyle[], prefix: string): Map<string, PaintStyle> {
  const bySlot = new Map<string, PaintStyle>();
  for (const style of styles) {
    if (style.getPluginData(CHORUS_STYLE_DATA.prefix) !== prefix) continue;
    const slot = style.getPluginData(CHORUS_STYLE_DATA.slot);
    if (slot !== '' && !bySlot.has(slot)) bySlot.set(slot, style);
  }
  return bySlot;
}

/** Decides what happens to one slot, from the style as it is now; checks the values to write. */
function planSlot(
  style: PaintStyle | undefined,
  slot: string,
  color: PaletteColor,
  source: Source,
  options: WriteStylesOptions,
): Planned {
  const hex = color.hex;
  const paint: SolidPaint = { type: 'SOLID', color: checkedRgb(hex) };
  const description = styleDescription(color, slot, source);
  if (!style) return { kind: 'create', slot, name: `${options.prefix}/${slot}`, paint, description, hex };

  const shown = chorusWrittenHex(style.paints);
  if (shown === hex) return { kind: 'unchanged', style };
  const editedByHand = shown === undefined || shown !== style.getPluginData(CHORUS_STYLE_DATA.hex);
  if (editedByHand && !options.overwriteEdited) {
    return { kind: 'edited', style, currentHex: currentHex(style.paints), proposedHex: hex };
  }
  return { kind: 'update', style, paint, description, hex };
}

/** Figma's 0–1 RGB for `hex`, checked before any write so a bad colour cannot stop a write half-way. */
function checkedRgb(hex: string): RGB {
  let rgb: RGB;
  try {
    rgb = hexToFigmaRgb(hex);
  } catch {
    throw new PluginFailure('WRITE_FAILED', `The palette holds ${JSON.stringify(hex)}, which is not a colour. Run the extraction again, then write the styles.`);
  }
  return rgb;
}

/** Undoes this call's changes to an existing style: its paint, description and Chorus's plugin data. */
function restorer(style: PaintStyle): () => void {
  const paints = style.paints;
  const description = style.description;
  const hex = style.getPluginData(CHORUS_STYLE_DATA.hex);
  return () => {
    style.paints = paints;
    style.description = description;
    style.setPluginData(CHORUS_STYLE_DATA.hex, hex);
  };
}

/** Runs the undo log newest first; true if every step succeeded. Keeps going past a failed step. */
function rollBack(undoLog: readonly (() => void)[]): boolean {
  let complete = true;
  for (let i = undoLog.length - 1; i >= 0; i--) {
    try {
      undoLog[i]!();
    } catch {
      complete = false;
    }
  }
  return complete;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Figma's messages can be long; the designer needs the gist, not a dump.
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
