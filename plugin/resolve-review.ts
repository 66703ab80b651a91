import type { Decision, Learning } from '../core/messages/plugin-messages.ts';
import { CHORUS_LEARNING_KEY, CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { encodeDecisionRecord } from './decision-record.ts';
import { learnFromDecision } from './learn-from-decision.ts';
import { loadLearning } from './load-learning.ts';
import { PluginFailure } from './plugin-failure.ts';
import { readChorusData, writeChorusData } from './private/chorus-data.ts';
import { readChorusVariables, type ChorusVariables } from './private/chorus-variables.ts';
import { candidateExtractors } from './private/conflict-candidates.ts';
import { hexToFigmaRgb } from './private/hex-to-figma-rgb.ts';
import { reasonOf } from './private/reason-of.ts';
import { UndoLog } from './private/undo-log.ts';
import { readReviewMarker, type ReviewMarker } from './review-marker.ts';
import { resolvedDescription } from './style-description.ts';
import { getChorusData, setChorusData } from './private/chorus-plugin-data.ts';

/** decisionSchema's bound on a role. */
const MAX_ROLE = 32;

export interface Resolution {
  readonly decisions: Decision[];
  /** The document's learning after these decisions. */
  readonly learning: Learning;
}

interface Choice {
  readonly style: PaintStyle;
  readonly marker: ReviewMarker;
  /** `#rrggbb`, lower case. */
  readonly hex: string;
}

/**
 * The designer picks `hex` for the flagged style `styleId` (usually one of its candidates; any
 * colour is accepted, and then no extractor agreed). The style's paint takes it (still bound to
 * its variable, whose value takes it too), the flag is cleared (plugin data, and the description
 * becomes a CHOSEN_IN_REVIEW line), the decision is recorded in the style's and variable's plugin
 * data so later runs keep it, and the document's learning counts it (learnFromDecision). One undo
 * step; if Figma throws mid-way everything is rolled back (PluginFailure WRITE_FAILED).
 * A style that no longer exists, or is not flagged, fails with WRITE_FAILED and changes nothing.
 */
export async function resolveReview(figma: PluginAPI, styleId: string, hex: string): Promise<Resolution> {
  const style = await figma.getStyleByIdAsync(styleId);
  if (!style || style.type !== 'PAINT' || getChorusData(style, CHORUS_STYLE_DATA.slot) === '') {
    throw new PluginFailure(
      'WRITE_FAILED',
      'Chorus can’t find that style any more: it may have been deleted. Reopen the Review panel to see what still needs review.',
    );
  }
  const marker = readReviewMarker(style, style.name);
  if (!marker) {
    throw new PluginFailure(
      'WRITE_FAILED',
      `“${style.name}” no longer needs review: it was resolved already, or a later run rewrote it. Reopen the Review panel to see what still needs review.`,
    );
  }
  return resolve(figma, [{ style, marker, hex }], await readChorusVariables(figma));
}

/**
 * "Accept all suggestions": every flagged Chorus style in the document takes its first candidate
 * (the vote's consensus), as resolveReview does, all in one undo step. Nothing flagged: no
 * decisions, and nothing changes.
 */
export async function resolveAllReviews(figma: PluginAPI): Promise<Resolution> {
  const [styles, variables] = await Promise.all([figma.getLocalPaintStylesAsync(), readChorusVariables(figma)]);
  const picks = styles.flatMap((style): Choice[] => {
    if (getChorusData(style, CHORUS_STYLE_DATA.slot) === '') return [];
    const marker = readReviewMarker(style, style.name);
    return marker ? [{ style, marker, hex: marker.candidates[0]!.hex }] : [];
  });
  return resolve(figma, picks, variables);
}

function resolve(figma: PluginAPI, picks: readonly Choice[], variables: ChorusVariables): Resolution {
  let learning = loadLearning(figma);
  if (picks.length === 0) return { decisions: [], learning };
  const rgbs = picks.map((pick) => checkedRgb(pick.hex));
  const undo = new UndoLog();
  const decisions: Decision[] = [];
  try {
    picks.forEach((pick, i) => {
      applyPick(figma, pick, rgbs[i]!, variables, undo);
      decisions.push(decisionOf(pick));
      learning = learnFromDecision(learning, pick.marker.candidates, pick.hex);
    });
    const stored = getChorusData(figma.root, CHORUS_LEARNING_KEY);
    undo.push(() => setChorusData(figma.root, CHORUS_LEARNING_KEY, stored));
    setChorusData(figma.root, CHORUS_LEARNING_KEY, JSON.stringify(learning));
  } catch (error) {
    const undone = undo.rollBack();
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to record your choice (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to record your choice (${reasonOf(error)}) and Chorus could not undo all of its changes. Press Undo (Ctrl+Z / ⌘Z) once, then reload the file.`,
    );
  }
  // One undo step: handle-ui-message.ts commits before and after each request.
  return { decisions, learning };
}

/** Writes one pick into the style and into Chorus's variable for the same slot, if there is one. */
function applyPick(figma: PluginAPI, pick: Choice, rgb: RGB, variables: ChorusVariables, undo: UndoLog): void {
  const { style, marker, hex } = pick;
  const variable = variables.forSlot(getChorusData(style, CHORUS_STYLE_DATA.prefix), getChorusData(style, CHORUS_STYLE_DATA.slot));
  const description = resolvedDescription(
    hex,
    marker.slot,
    marker.candidates.find((c) => c.hex === hex),
    marker.source,
  );
  const decision = encodeDecisionRecord(hex, marker.candidates.map((c) => c.hex));

  if (variable) {
    const modeId = variables.defaultModeOf(variable);
    if (modeId === undefined) throw new Error(`the collection of the variable "${variable.name}" is missing`);
    const value = variable.valuesByMode[modeId];
    const before = { description: variable.description, data: readChorusData(variable) };
    undo.push(() => {
      if (value !== undefined) variable.setValueForMode(modeId, value);
      variable.description = before.description;
      writeChorusData(variable, before.data);
    });
    variable.setValueForMode(modeId, { ...rgb, a: 1 });
    variable.description = description;
    writeChorusData(variable, { hex, review: '', decision });
  }

  const before = { paints: style.paints, description: style.description, data: readChorusData(style) };
  undo.push(() => {
    style.paints = before.paints;
    style.description = before.description;
    writeChorusData(style, before.data);
  });
  const plain: SolidPaint = { type: 'SOLID', color: rgb };
  const bound = variable !== undefined && style.paints.some((p) => p.type === 'SOLID' && p.boundVariables?.color?.id === variable.id);
  style.paints = [bound ? figma.variables.setBoundVariableForPaint(plain, 'color', variable) : plain];
  style.description = description;
  writeChorusData(style, { hex, review: '', decision });
}

function decisionOf(pick: Choice): Decision {
  return {
    role: (pick.marker.role ?? pick.marker.slot).slice(0, MAX_ROLE),
    chosenHex: pick.hex,
    candidates: pick.marker.candidates.map((c) => ({ hex: c.hex, extractors: candidateExtractors(c) })),
  };
}

function checkedRgb(hex: string): RGB {
  try {
    return hexToFigmaRgb(hex);
  } catch {
    throw new PluginFailure('BAD_MESSAGE', `${JSON.stringify(hex)} is not a colour. Pick one of the candidates in the Review panel.`);
  }
}
