// zod/mini, not zod: this contract is bundled into the Figma sandbox, which parses the whole bundle
// on every run; the classic API with its locales weighed ~430 KB there, mini a tenth of that.
// Both ends (and the server) use the same schemas; mini's are plain zod schemas to them.
import * as z from 'zod/mini';
import { candidateSchema, hexSchema, paletteColorSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';
import { documentReadSchema } from '../document/layer-paint.ts';
import { planChoiceSchema, planLineSchema, tokenizePreviewSchema } from './design-system-messages.ts';
import { modesResultSchema, modeVersionSchema } from './modes-messages.ts';

/**
 * The one contract between the Figma sandbox (plugin/) and the iframe (ui/).
 * UI → plugin messages are requests with an `id`; the plugin answers each with exactly one
 * reply carrying the same `id` (`…-done` or `failed`), so the UI's promise resolves or rejects.
 * The plugin also pushes `selection-changed` unasked. Both ends parse with these schemas and
 * drop (and report) anything that does not match.
 */

/** Longest side, in px, of an exported frame: keeps decode + extract fast, colours survive downscaling of flat UI. */
export const MAX_EXPORT_SIDE = 2048;

export const errorCodeSchema = z.enum([
  'NO_SELECTION',
  'NOT_EXPORTABLE',
  'EXPORT_FAILED',
  'DECODE_FAILED',
  'EMPTY_PALETTE',
  'WRITE_FAILED',
  'BAD_MESSAGE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const pluginErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type PluginError = z.infer<typeof pluginErrorSchema>;

/** Every request carries one; its reply carries the same. */
export const requestIdSchema = z.string().check(z.minLength(1), z.maxLength(64));
const id = requestIdSchema;

/** Where a palette came from: recorded in style descriptions and plugin data. */
export const sourceSchema = z.object({
  nodes: z.array(z.object({ id: z.string().check(z.maxLength(128)), name: z.string().check(z.maxLength(256)) })).check(z.maxLength(100)),
});
export type Source = z.infer<typeof sourceSchema>;

export const writeStylesOptionsSchema = z.object({
  /** Folder of the styles, e.g. `Chorus` gives `Chorus/primary`. */
  prefix: z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[^/]+(\/[^/]+)*$/, 'folders separated by single slashes')),
  /** Overwrite styles the designer edited by hand since Chorus wrote them. */
  overwriteEdited: z.boolean(),
  /** Also write the palette as COLOR variables in a `Chorus` collection, and bind the styles to them. */
  variables: z._default(z.boolean(), false),
});
export type WriteStylesOptions = z.infer<typeof writeStylesOptionsSchema>;

/** `npm start` serves the backend here; manifest.json's devAllowedDomains lets the plugin reach it. */
export const DEFAULT_SERVER_URL = 'http://localhost:8787';

/**
 * An http(s) origin with an optional path: a host name, an IPv4 address or a bracketed IPv6 one,
 * an optional port, then anything from the first `/`, `?` or `#` on. Written by hand rather than
 * `z.url()`, which needs the WHATWG `URL` class: the Figma sandbox has none, and saving the
 * settings there failed with BAD_MESSAGE. No user:password@ part (a token goes in its own field).
 */
const SERVER_URL_PATTERN = /^https?:\/\/(?:\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?(?:[/?#]\S*)?$/i;
/** TCP ports stop at 2^16 − 1. */
const MAX_PORT = 65_535;

function isServerUrl(value: string): boolean {
  if (value === '') return true;
  const match = SERVER_URL_PATTERN.exec(value);
  return match !== null && (match[1] === undefined || Number(match[1]) <= MAX_PORT);
}

/**
 * The Chorus backend that refines tier 1 (tiers 2–4), as the designer types it: an http(s) address,
 * trimmed, or `''` for no backend (the plugin's own tier 1 only). Forms like `http:host`,
 * `http://` or `localhost:8787` are refused.
 */
export const serverUrlSchema = z
  .string()
  .check(z.trim(), z.maxLength(2048), z.refine(isServerUrl, { error: 'an http:// or https:// address, or empty for no server' }));

/**
 * The backend's access token (its `CHORUS_TOKEN`), as the designer pastes it, trimmed: printable
 * ASCII without spaces (it travels in an `Authorization` header and a WebSocket `?token=`), or `''`
 * for a server that needs none. Kept in figma.clientStorage, on this computer only: never in the file.
 */
export const accessTokenSchema = z
  .string()
  .check(z.trim(), z.maxLength(512), z.regex(/^[\x21-\x7e]*$/, { error: 'letters, digits and punctuation, without spaces' }));

/**
 * What the designer sets once and keeps across sessions (figma.clientStorage). A field missing
 * from what is stored (settings saved by an older Chorus) takes its default.
 */
export const settingsSchema = z.object({
  prefix: writeStylesOptionsSchema.shape.prefix,
  serverUrl: z._default(serverUrlSchema, DEFAULT_SERVER_URL),
  /** The server's access token, where it has one (see accessTokenSchema). */
  accessToken: z._default(accessTokenSchema, ''),
  /** Write COLOR variables too (see writeStylesOptionsSchema.variables). */
  variables: z._default(z.boolean(), false),
  /** Weigh the next vote by how often each extractor agreed with the designer's review decisions. */
  useLearnedWeights: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { prefix: 'Chorus', serverUrl: DEFAULT_SERVER_URL, accessToken: '', variables: false, useLearnedWeights: false };

/**
 * A colour the vote could not decide, as written in the file and read back from it (never from
 * memory): the style that holds the consensus value for now, and every candidate to pick from.
 */
export const reviewSchema = z.object({
  styleId: z.string().check(z.maxLength(128)),
  styleName: z.string().check(z.maxLength(512)),
  role: z.optional(roleSchema),
  /** The style's colour now (`#rrggbb`). */
  currentHex: z.string(),
  candidates: z.array(candidateSchema).check(z.minLength(1), z.maxLength(16)),
  /** The frames the palette came from; one click selects one. */
  source: sourceSchema,
  /** The variable written for the same colour, if variables were written. */
  variableId: z.optional(z.string().check(z.maxLength(128))),
});
export type Review = z.infer<typeof reviewSchema>;

/** Per extractor: of the designer's review decisions where it had voted, how many went its way. Kept in the document. */
export const learningSchema = z.record(z.string().check(z.maxLength(64)), z.object({ agreed: z.number().check(z.int(), z.gte(0)), decided: z.number().check(z.int(), z.gte(0)) }));
export type Learning = z.infer<typeof learningSchema>;

/** One decision, as the UI may report it to the backend's dashboard (the A/B evidence). */
export const decisionSchema = z.object({
  role: z.string().check(z.maxLength(32)),
  chosenHex: hexSchema,
  candidates: z.array(z.object({ hex: hexSchema, extractors: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)) })).check(z.maxLength(16)),
});
export type Decision = z.infer<typeof decisionSchema>;

export const uiRequestSchema = z.discriminatedUnion('type', [
  // Asked once the UI has loaded: a push sent before then could arrive before anyone listens.
  z.object({ type: z.literal('get-selection'), id }),
  z.object({ type: z.literal('export-selection'), id }),
  z.object({ type: z.literal('load-settings'), id }),
  z.object({ type: z.literal('save-settings'), id, settings: settingsSchema }),
  z.object({
    type: z.literal('write-styles'),
    id,
    palette: z.array(paletteColorSchema).check(z.minLength(1), z.maxLength(64)),
    source: sourceSchema,
    options: writeStylesOptionsSchema,
  }),
  // The Review panel: every flagged Chorus style in the document, read from the file.
  z.object({ type: z.literal('list-reviews'), id }),
  // Picks a candidate: sets the style (and its variable), clears the flag, records the decision. One undo step.
  z.object({ type: z.literal('resolve-review'), id, styleId: z.string().check(z.maxLength(128)), hex: hexSchema }),
  // "Accept all suggestions": every flagged style takes its first candidate. One undo step.
  z.object({ type: z.literal('resolve-all-reviews'), id }),
  // Selects a source frame on the canvas (switching page if needed) and scrolls to it.
  z.object({ type: z.literal('select-node'), id, nodeId: z.string().check(z.maxLength(128)) }),
  z.object({ type: z.literal('load-learning'), id }),
  // Export tokens, "Styles in this file": the Chorus styles (and variables) of one style folder as they are in the file now.
  z.object({ type: z.literal('export-file-tokens'), id, prefix: writeStylesOptionsSchema.shape.prefix }),
  // The document as a voter: the selection's solid fills, strokes and text ranges (core/document/).
  z.object({ type: z.literal('read-document'), id }),
  // Reuse before create: what a write of this palette would do (new, reuse, update, keep), nothing written.
  z.object({
    type: z.literal('plan-write'),
    id,
    palette: z.array(paletteColorSchema).check(z.minLength(1), z.maxLength(64)),
    prefix: writeStylesOptionsSchema.shape.prefix,
    /** Slots the designer locked: their value is kept exactly (reused only if a token has exactly it). */
    locked: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)), []),
  }),
  // The write with the designer's plan: reused tokens aliased (variables) or left to bind (styles), the rest written. One undo step.
  z.object({
    type: z.literal('write-plan'),
    id,
    palette: z.array(paletteColorSchema).check(z.minLength(1), z.maxLength(64)),
    source: sourceSchema,
    options: writeStylesOptionsSchema,
    choices: z.array(planChoiceSchema).check(z.maxLength(64)),
  }),
  // Light and dark as modes: one collection, a mode per version of the screen, a variable per role paired across them. One undo step.
  z.object({ type: z.literal('write-modes'), id, prefix: writeStylesOptionsSchema.shape.prefix, versions: z.array(modeVersionSchema).check(z.minLength(1), z.maxLength(40)) }),
  // Tokenize the selection (opt-in): preview what would be bound, then bind it (only the variables kept). One undo step.
  z.object({ type: z.literal('tokenize-preview'), id, prefix: writeStylesOptionsSchema.shape.prefix }),
  z.object({ type: z.literal('tokenize-apply'), id, prefix: writeStylesOptionsSchema.shape.prefix, variableIds: z.array(z.string().check(z.maxLength(256))).check(z.maxLength(256)) }),
]);
export type UiRequest = z.infer<typeof uiRequestSchema>;

export const exportedImageSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  /** PNG bytes, sRGB. */
  png: z.instanceof(Uint8Array),
});
export type ExportedImage = z.infer<typeof exportedImageSchema>;

export const writeSummarySchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  /** Styles whose conflict the designer resolved in review: their choice stands, the new run does not overwrite it. */
  keptDecisions: z._default(z.array(z.string()), []),
  /** Styles written with a review flag (a conflict to resolve in the Review panel). */
  flagged: z._default(z.array(z.string()), []),
  /** Styles the designer changed by hand since Chorus wrote them; left as they are unless `overwriteEdited`. */
  editedByHand: z.array(z.object({ styleId: z.string(), name: z.string(), currentHex: z.string(), proposedHex: z.string() })),
});
export type WriteSummary = z.infer<typeof writeSummarySchema>;

/** Most colours an `export-file-tokens` reply carries: a folder gains slots run after run, but not hundreds. */
export const MAX_FILE_TOKENS = 256;

/**
 * A colour as the token exporters take it (core/tokens/export-color.ts's ExportColor), on the
 * wire. `candidates` are the consensus's: each with every vote behind it (`hex` is the
 * candidate's own value). Share and confidence are 0–1.
 */
export const exportColorSchema = z.object({
  hex: hexSchema,
  role: z.optional(roleSchema),
  name: z.optional(z.string().check(z.maxLength(80))),
  share: z.optional(z.number().check(z.gte(0), z.lte(1))),
  confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  agreement: z.optional(z.number().check(z.gte(0), z.lte(1))),
  conflict: z.optional(z.boolean()),
  candidates: z.optional(
    z.array(
      z.object({
        hex: hexSchema,
        weight: z.number().check(z.gte(0), z.lte(1000)),
        measured: z.boolean(),
        votes: z.array(z.object({ extractor: z.string().check(z.minLength(1), z.maxLength(64)), weight: z.number().check(z.gte(0), z.lte(100)), hex: hexSchema, name: z.optional(z.string().check(z.maxLength(80))) })).check(z.maxLength(64)),
      }),
    ).check(z.maxLength(16)),
  ),
});
export type ExportColorMessage = z.infer<typeof exportColorSchema>;

export const selectedNodeSchema = z.object({ id: z.string(), name: z.string(), exportable: z.boolean() });

export const pluginMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('selection-changed'), nodes: z.array(selectedNodeSchema) }),
  z.object({ type: z.literal('get-selection-done'), id, nodes: z.array(selectedNodeSchema) }),
  z.object({ type: z.literal('export-selection-done'), id, images: z.array(exportedImageSchema).check(z.minLength(1)) }),
  z.object({ type: z.literal('write-styles-done'), id, summary: writeSummarySchema }),
  z.object({ type: z.literal('load-settings-done'), id, settings: settingsSchema }),
  z.object({ type: z.literal('save-settings-done'), id }),
  z.object({ type: z.literal('list-reviews-done'), id, reviews: z.array(reviewSchema), learning: learningSchema }),
  z.object({ type: z.literal('resolve-review-done'), id, decision: decisionSchema, learning: learningSchema }),
  z.object({ type: z.literal('resolve-all-reviews-done'), id, decisions: z.array(decisionSchema), learning: learningSchema }),
  z.object({ type: z.literal('select-node-done'), id, found: z.boolean() }),
  z.object({ type: z.literal('load-learning-done'), id, learning: learningSchema }),
  z.object({ type: z.literal('export-file-tokens-done'), id, colors: z.array(exportColorSchema).check(z.maxLength(MAX_FILE_TOKENS)) }),
  z.object({ type: z.literal('read-document-done'), id, read: documentReadSchema }),
  z.object({ type: z.literal('plan-write-done'), id, lines: z.array(planLineSchema).check(z.maxLength(64)) }),
  z.object({ type: z.literal('write-plan-done'), id, summary: writeSummarySchema, reused: z.array(z.object({ slot: z.string(), token: z.string() })) }),
  z.object({ type: z.literal('write-modes-done'), id, result: modesResultSchema }),
  z.object({ type: z.literal('tokenize-preview-done'), id, preview: tokenizePreviewSchema }),
  z.object({ type: z.literal('tokenize-apply-done'), id, preview: tokenizePreviewSchema }),
  z.object({ type: z.literal('failed'), id, error: pluginErrorSchema }),
]);
export type PluginMessage = z.infer<typeof pluginMessageSchema>;

/** The reply type the plugin sends for each request type. */
export interface ReplyFor {
  'get-selection': Extract<PluginMessage, { type: 'get-selection-done' }>;
  'export-selection': Extract<PluginMessage, { type: 'export-selection-done' }>;
  'write-styles': Extract<PluginMessage, { type: 'write-styles-done' }>;
  'load-settings': Extract<PluginMessage, { type: 'load-settings-done' }>;
  'save-settings': Extract<PluginMessage, { type: 'save-settings-done' }>;
  'list-reviews': Extract<PluginMessage, { type: 'list-reviews-done' }>;
  'resolve-review': Extract<PluginMessage, { type: 'resolve-review-done' }>;
  'resolve-all-reviews': Extract<PluginMessage, { type: 'resolve-all-reviews-done' }>;
  'select-node': Extract<PluginMessage, { type: 'select-node-done' }>;
  'load-learning': Extract<PluginMessage, { type: 'load-learning-done' }>;
  'export-file-tokens': Extract<PluginMessage, { type: 'export-file-tokens-done' }>;
  'read-document': Extract<PluginMessage, { type: 'read-document-done' }>;
  'plan-write': Extract<PluginMessage, { type: 'plan-write-done' }>;
  'write-plan': Extract<PluginMessage, { type: 'write-plan-done' }>;
  'write-modes': Extract<PluginMessage, { type: 'write-modes-done' }>;
  'tokenize-preview': Extract<PluginMessage, { type: 'tokenize-preview-done' }>;
  'tokenize-apply': Extract<PluginMessage, { type: 'tokenize-apply-done' }>;
}
