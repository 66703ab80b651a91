import {
  requestIdSchema,
  uiRequestSchema,
  type PluginError,
  type PluginMessage,
  type UiRequest,
} from '../core/messages/plugin-messages.ts';
import { describeSelection } from './describe-selection.ts';
import { exportFileTokens } from './export-file-tokens.ts';
import { exportSelection } from './export-selection.ts';
import { listReviews } from './list-reviews.ts';
import { loadLearning } from './load-learning.ts';
import { loadSettings } from './load-settings.ts';
import { PluginFailure } from './plugin-failure.ts';
import { commitUndoAround } from './private/commit-undo-around.ts';
import { outsideSrgbColors, useDocumentColorProfile } from './private/document-color-profile.ts';
import { migrateChorusData } from './private/migrate-chorus-data.ts';
import { reasonOf } from './private/reason-of.ts';
import { planWrite } from './plan-write.ts';
import { readDocumentLayers } from './read-document-layers.ts';
import { applyTokenize, previewTokenize } from './tokenize-selection.ts';
import { writeModes } from './write-modes.ts';
import { writePlan } from './write-plan.ts';
import { resolveAllReviews, resolveReview } from './resolve-review.ts';
import { saveSettings } from './save-settings.ts';
import { selectNode } from './select-node.ts';
import { writeStyles } from './write-styles.ts';

/**
 * The one handler of messages from the UI. Every message is parsed with `uiRequestSchema`; a
 * malformed one is answered `failed` BAD_MESSAGE when it carries a usable id (and only reported to
 * the console when it does not), and nothing else happens. Valid requests are answered one at a
 * time, in arrival order, each with exactly one reply: `<type>-done`, or `failed` with the
 * PluginFailure's code, or INTERNAL for anything unexpected. Each is one undo step
 * (commitUndoAround). One at a time, because two writes
 * interleaving would both see a slot as free and create it twice.
 * Returns a promise that settles when the message has been answered; it never rejects.
 */
export function createUiMessageHandler(figma: PluginAPI, post: (message: PluginMessage) => void): (raw: unknown) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (raw) => {
    const parsed = uiRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const id = requestIdSchema.safeParse(isRecord(raw) ? raw['id'] : undefined);
      const problem = describeIssues(parsed.error.issues);
      if (id.success) {
        send(post, {
          type: 'failed',
          id: id.data,
          error: {
            code: 'BAD_MESSAGE',
            message: `Chorus received a request it does not understand (${problem}). Close and reopen Chorus, then try again.`,
          },
        });
      } else {
        console.warn(`Chorus ignored a message from its UI that is not a request: ${problem}`);
      }
      return Promise.resolve();
    }
    const request = parsed.data;
    queue = queue.then(() => answer(figma, request, post));
    return queue;
  };
}

/** The requests that write Chorus's data; the first one in a file moves what earlier versions kept privately. */
const MIGRATING_REQUESTS: ReadonlySet<UiRequest['type']> = new Set(['write-styles', 'write-plan', 'write-modes', 'tokenize-apply', 'resolve-review', 'resolve-all-reviews']);

async function answer(figma: PluginAPI, request: UiRequest, post: (message: PluginMessage) => void): Promise<void> {
  let reply: PluginMessage;
  try {
    useDocumentColorProfile(figma);
    // Every request, not a list of the writing ones: a write added later is one undo step too.
    reply = await commitUndoAround(figma, async () => {
      // Once per file, before a write (so it is part of that undo step, and reads never change the file).
      if (MIGRATING_REQUESTS.has(request.type)) await migrateChorusData(figma);
      return perform(figma, request);
    });
  } catch (error) {
    reply = { type: 'failed', id: request.id, error: pluginErrorOf(error) };
  }
  flagOutsideSrgb(figma);
  send(post, reply);
}

/**
 * Says so when the request read Display P3 colours that sRGB cannot show: Chorus works in sRGB
 * hex, so it took the nearest sRGB colour for each, and the designer should know.
 */
function flagOutsideSrgb(figma: PluginAPI): void {
  const colors = outsideSrgbColors();
  if (colors.length === 0) return;
  const count = colors.length === 1 ? '1 colour' : `${colors.length} colours`;
  console.warn(`Chorus read ${count} of this Display P3 file outside sRGB (${colors.join(', ')}); it used the nearest sRGB colour for each.`);
  figma.notify(`Chorus: ${count} here ${colors.length === 1 ? 'is' : 'are'} beyond sRGB; Chorus used the nearest sRGB (see console)`);
}

async function perform(figma: PluginAPI, request: UiRequest): Promise<PluginMessage> {
  switch (request.type) {
    case 'get-selection':
      return { type: 'get-selection-done', id: request.id, nodes: describeSelection(figma.currentPage.selection).nodes };
    case 'export-selection':
      return { type: 'export-selection-done', id: request.id, images: await exportSelection(figma) };
    case 'load-settings':
      return { type: 'load-settings-done', id: request.id, settings: await loadSettings(figma) };
    case 'save-settings':
      await saveSettings(figma, request.settings);
      return { type: 'save-settings-done', id: request.id };
    case 'write-styles':
      return { type: 'write-styles-done', id: request.id, summary: await writeStyles(figma, request) };
    case 'list-reviews': {
      const reviews = await listReviews(figma);
      return { type: 'list-reviews-done', id: request.id, reviews, learning: loadLearning(figma) };
    }
    case 'resolve-review': {
      const { decisions, learning } = await resolveReview(figma, request.styleId, request.hex);
      return { type: 'resolve-review-done', id: request.id, decision: decisions[0]!, learning };
    }
    case 'resolve-all-reviews': {
      const { decisions, learning } = await resolveAllReviews(figma);
      return { type: 'resolve-all-reviews-done', id: request.id, decisions, learning };
    }
    case 'select-node':
      return { type: 'select-node-done', id: request.id, found: await selectNode(figma, request.nodeId) };
    case 'load-learning':
      return { type: 'load-learning-done', id: request.id, learning: loadLearning(figma) };
    case 'export-file-tokens':
      return { type: 'export-file-tokens-done', id: request.id, colors: await exportFileTokens(figma, request.prefix) };
    case 'read-document':
      return { type: 'read-document-done', id: request.id, read: await readDocumentLayers(figma) };
    case 'plan-write':
      return { type: 'plan-write-done', id: request.id, lines: (await planWrite(figma, request.palette, request.prefix, request.locked)).map((l) => ({ ...l, alternatives: [...l.alternatives] })) };
    case 'write-plan': {
      const { summary, reused } = await writePlan(figma, request);
      return { type: 'write-plan-done', id: request.id, summary, reused };
    }
    case 'write-modes':
      return { type: 'write-modes-done', id: request.id, result: await writeModes(figma, request.prefix, request.versions) };
    case 'tokenize-preview':
      return { type: 'tokenize-preview-done', id: request.id, preview: cloneable(await previewTokenize(figma, request.prefix)) };
    case 'tokenize-apply':
      return { type: 'tokenize-apply-done', id: request.id, preview: cloneable(await applyTokenize(figma, request.prefix, request.variableIds)) };
  }
}

function pluginErrorOf(error: unknown): PluginError {
  if (error instanceof PluginFailure) return { code: error.code, message: error.message };
  return {
    code: 'INTERNAL',
    message: `Chorus hit an unexpected error (${reasonOf(error)}). Close and reopen Chorus, then try again; if it happens again, report this message.`,
  };
}

/** Posting can only fail if the UI is gone; then there is no one left to tell but the console. */
function send(post: (message: PluginMessage) => void, message: PluginMessage): void {
  try {
    post(message);
  } catch (error) {
    console.error(`Chorus could not reply "${message.type}" to its UI:`, error);
  }
}

/** A preview as the contract's (mutable) shape. */
function cloneable(preview: Awaited<ReturnType<typeof previewTokenize>>) {
  return { ...preview, counts: preview.counts.map((c) => ({ ...c })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `palette.0.hex: a lower-case #rrggbb colour; …` — the first few issues, short enough for a sentence. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'message'}: ${issue.message}`)
    .join('; ');
}
