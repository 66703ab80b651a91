import { mulberry32 } from '../../core/random/mulberry32.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import type { ExtractorEnv } from '../../server/extractors/create-extractors.ts';
import { startPanelProvider, type PanelProvider, type PanelRequest } from '../../test/fakes/panel/start-panel-provider.ts';
import type { FakeBehaviour } from '../../test/fakes/providers/fake-provider.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { profileOf, SHARED_CONFUSION_P } from './panel-profiles.ts';
import { promptColors } from './prompt-colors.ts';
import { seedFor } from './seed-for.ts';
import { drawConfusion, simulateAnswer } from './simulate-answer.ts';

/** The screen being run and the seed of the draw: the panel answers for it. */
export interface PanelContext {
  readonly screen: string;
  readonly truth: FixtureTruth;
  readonly seed: number;
}

export interface Panel {
  /** Provider variables that point the backend's real SDKs at the panel. */
  readonly env: ExtractorEnv;
  /** Model id → the extractor id the config gives it: who is who in the panel. */
  readonly models: ReadonlyMap<string, string>;
  /** Sets the screen the next runs are about. */
  use(context: PanelContext): void;
  close(): Promise<void>;
}

/**
 * The simulated panel behind the real SDKs: one OpenAI-compatible provider (OpenAI, the local
 * model, Gemini) and one Anthropic provider on 127.0.0.1. Each request is recognised by its model
 * id (from server/config/extractors.json), and answered by that extractor's profile from the
 * screen's truth and the measured colours its prompt lists, seeded per seed, screen and extractor.
 */
export async function startPanel(): Promise<Panel> {
  const models = new Map<string, string>();
  for (const e of loadExtractorsFile().extractors) if ('model' in e) models.set(e.model, e.id);
  let context: PanelContext | undefined;
  const answer = (request: PanelRequest): FakeBehaviour => {
    if (!context) throw new Error('the panel was asked before a screen was set');
    const extractor = models.get(request.model) ?? request.model;
    const confusion = drawConfusion(context.truth, SHARED_CONFUSION_P, mulberry32(seedFor(context.seed, context.screen, 'shared-confusion')));
    const random = mulberry32(seedFor(context.seed, context.screen, extractor));
    return { reply: simulateAnswer(profileOf(extractor), context.truth, promptColors(request.prompt), confusion, random) };
  };
  const providers: PanelProvider[] = [];
  try {
    providers.push(await startPanelProvider('openai', answer), await startPanelProvider('anthropic', answer));
  } catch (error) {
    await Promise.all(providers.map((p) => p.close()));
    throw error;
  }
  const [compatible, anthropic] = providers as [PanelProvider, PanelProvider];
  const localModel = [...models].find(([, id]) => id === 'local-vision')?.[0];
  return {
    env: {
      OPENAI_API_KEY: 'sk-panel-openai',
      OPENAI_BASE_URL: `${compatible.url}/v1`,
      ANTHROPIC_API_KEY: 'sk-ant-panel',
      ANTHROPIC_BASE_URL: anthropic.url,
      CHORUS_LOCAL_BASE_URL: `${compatible.url}/v1`,
      ...(localModel ? { CHORUS_LOCAL_MODEL: localModel } : {}),
      GEMINI_API_KEY: 'panel-gemini',
      GEMINI_BASE_URL: `${compatible.url}/v1`,
    },
    models,
    use: (next) => {
      context = next;
    },
    close: async () => {
      await Promise.all(providers.map((p) => p.close()));
    },
  };
}
