import { createHash } from 'node:crypto';
import { runOnImages } from '../../core/cv/extract-tier1.ts';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import { extractionVotes } from '../../core/vote/extraction-votes.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { estimateCallCost } from '../../server/budget/estimate-call-cost.ts';
import { estimateImageTokens } from '../../server/budget/estimate-image-tokens.ts';
import type { ExtractorConfig } from '../../server/config/extractor-config.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import { decodePng } from '../../server/decode/decode-png.ts';
import { isSimpleScreen } from '../../server/extractors/is-simple-screen.ts';
import { prepareModelImage } from '../../server/extractors/prepare-model-image.ts';
import { PROMPT_TOKENS_ESTIMATE } from '../../server/extractors/vision-extractor-base.ts';
import type { RunImage } from '../../server/orchestrator/extractor.ts';
import { FIXTURES_DIR, loadFixtures, REAL_FIXTURES_DIR } from '../../test/fixtures/load-fixtures.ts';
import { describeMachine } from '../machine.ts';
import { median } from '../median.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import { LEGACY_MODELS } from './legacy-image-estimate.ts';

type ModelConfig = Extract<ExtractorConfig, { pricing: unknown }>;

interface Row {
  readonly fullPx: number;
  readonly sentPx: number;
  readonly fullBytes: number;
  readonly sentBytes: number;
  readonly overCapAtFull: boolean;
  readonly tokensNow: number;
  readonly tokensFull: number;
  readonly costNow: number;
  readonly legacyTokens: number | undefined;
  readonly legacyCost: number | undefined;
}

/**
 * What each configured model is sent for every fixture image, through the server's own code
 * (`prepareModelImage`, `isSimpleScreen` on tier 1's votes, `estimateCallCost`): pixels and bytes
 * really encoded, image tokens by the vendor's rule at that size, and the call's worst-case
 * estimate (image + prompt + output cap). Beside it, the same image at full size: its bytes (what
 * went before issue 9), whether the vendor's byte cap refuses it, the vendor's tokens at full size,
 * and the old estimator's figure with the old model (`LEGACY_MODELS`). Tokens are the vendors'
 * published rules, not a vendor's bill: no provider is reachable here.
 */
export async function modelImageBench(options: SectionOptions): Promise<SectionResult> {
  const models = loadExtractorsFile().extractors.filter((e): e is ModelConfig => 'pricing' in e);
  const fixtures = [...loadFixtures(REAL_FIXTURES_DIR), ...loadFixtures(FIXTURES_DIR)];
  const images = options.quick ? fixtures.filter((_, i) => i % 8 === 0) : fixtures;
  const rows = new Map<string, Row[]>(models.map((m) => [m.id, []]));
  for (const [index, fixture] of images.entries()) {
    const rgba = decodePng(fixture.png);
    const measured: ColorVote[] = TIER1_EXTRACTORS.flatMap((e) => extractionVotes(runOnImages(e, [rgba]), e.weight));
    const simple = isSimpleScreen(measured);
    const image: RunImage = { bytes: fixture.png, base64: Buffer.from(fixture.png).toString('base64'), mediaType: 'image/png', rgba, sha256: createHash('sha256').update(fixture.png).digest('hex') };
    for (const model of models) {
      const sent = await prepareModelImage(image, model.pricing.imageTokens, model.image, simple);
      const full = { width: rgba.width, height: rgba.height };
      const tokensNow = estimateImageTokens(model.pricing.imageTokens, sent);
      const legacy = LEGACY_MODELS[model.id];
      const legacyTokens = legacy?.imageTokens(full);
      rows.get(model.id)!.push({
        fullPx: full.width * full.height,
        sentPx: sent.width * sent.height,
        fullBytes: fixture.png.byteLength,
        sentBytes: sent.bytes,
        overCapAtFull: fixture.png.byteLength > model.image.max_bytes,
        tokensNow,
        tokensFull: estimateImageTokens(model.pricing.imageTokens, full),
        costNow: estimateCallCost(model.pricing, sent, PROMPT_TOKENS_ESTIMATE, model.max_output_tokens),
        legacyTokens,
        legacyCost: legacy && legacyTokens !== undefined ? ((legacyTokens + PROMPT_TOKENS_ESTIMATE) * legacy.inputPerMTok + legacy.maxOutputTokens * legacy.outputPerMTok) / 1e6 : undefined,
      });
    }
    options.log(`[model-images ${index + 1}/${images.length}] ${fixture.name}${simple ? ' (simple screen)' : ''}`);
  }
  return { markdown: formatModelImageReport(models, rows, images.length), measured: true };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mp = (px: number) => `${(px / 1e6).toFixed(2)} MP`;
const usd = (value: number) => `$${value.toFixed(5)}`;
const pair = (values: readonly number[], format: (v: number) => string) => `${format(median(values))} (${format(Math.max(...values))})`;

function formatModelImageReport(models: readonly ModelConfig[], rows: ReadonlyMap<string, readonly Row[]>, imageCount: number): string {
  const lines = [
    '## What each model is sent: pixels, bytes, tokens and cost per image',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()}. ${imageCount} fixture images (test/fixtures/real and test/fixtures/screens), each through the server's own \`prepareModelImage\` (downscaled and re-encoded to the model's limits, smaller for a simple screen) with the models and prices of \`server/config/extractors.json\`. Median (largest) per image. "Call estimate" is what the budget reserves: the image at the sent size by the vendor's image-token rule, ${PROMPT_TOKENS_ESTIMATE} prompt tokens and the whole output cap. "Before" is the same image at full size as Chorus sent it before issue 9, with that day's model and estimator (bench/model-images/legacy-image-estimate.ts). Tokens follow the vendors' published rules; no vendor is reachable from here to bill them.`,
    '',
    '| extractor | model | pixels full → sent | bytes full → sent | over byte cap at full size | image tokens sent | image tokens at full size | call estimate now | before: model, image tokens, call estimate |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const model of models) {
    const r = rows.get(model.id) ?? [];
    if (r.length === 0) continue;
    const legacy = LEGACY_MODELS[model.id];
    const legacyTokens = r.flatMap((x) => (x.legacyTokens === undefined ? [] : [x.legacyTokens]));
    const legacyCost = r.flatMap((x) => (x.legacyCost === undefined ? [] : [x.legacyCost]));
    const before = legacy ? `${legacy.model}: ${pair(legacyTokens, (v) => v.toFixed(0))}, ${pair(legacyCost, usd)}` : 'not configured then';
    lines.push(
      `| ${model.id} | ${model.model} | ${pair(r.map((x) => x.fullPx), mp)} → ${pair(r.map((x) => x.sentPx), mp)} | ${pair(r.map((x) => x.fullBytes), kb)} → ${pair(r.map((x) => x.sentBytes), kb)} | ${r.filter((x) => x.overCapAtFull).length} of ${r.length} | ${pair(r.map((x) => x.tokensNow), (v) => v.toFixed(0))} | ${pair(r.map((x) => x.tokensFull), (v) => v.toFixed(0))} | ${pair(r.map((x) => x.costNow), usd)} | ${before} |`,
    );
  }
  lines.push(
    '',
    'Reading: a local model bills nothing, so only its bytes and pixels matter (latency). Claude and GPT bill by size, so a large frame is sent at the model\'s native long edge (and a simple screen smaller), which is all the vendor would look at anyway; Gemini bills a fixed budget per image at its default media resolution, so it is only downscaled to its native edge. "Over byte cap" counts images the vendor would refuse if sent as uploaded. Where "before" is below "now" for Claude, the old estimate was wrong, not cheaper: it assumed a 1568 px native edge and w·h/750, while the 5.5 models read up to 2576 px at ⌈w/28⌉·⌈h/28⌉ tokens, so large frames were under-reserved.',
    '',
  );
  return lines.join('\n');
}
