import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, writeStylesOptionsSchema } from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import type { PluginChannel } from './plugin-channel.ts';

export interface PrefixSetting {
  /** What is in the field now. */
  readonly draft: string;
  /** The draft as the contract accepts it (trimmed), or null when it is not a valid prefix. */
  readonly valid: string | null;
  /** A load or save problem, in a sentence. */
  readonly problem: string | null;
  setDraft(value: string): void;
  /** Saves the draft through `save-settings` if it is valid and differs from what was last saved. */
  save(): void;
}

/** The style-folder prefix: loaded once with `load-settings`, saved with `save-settings` when it changes. */
export function usePrefixSetting(channel: PluginChannel): PrefixSetting {
  const [draft, setDraftState] = useState(DEFAULT_SETTINGS.prefix);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = useRef(DEFAULT_SETTINGS.prefix);
  const edited = useRef(false);

  useEffect(() => {
    let live = true;
    channel.request({ type: 'load-settings' }).then(
      (reply) => {
        if (!live) return;
        saved.current = reply.settings.prefix;
        // The designer may have typed while settings loaded; their text wins.
        if (!edited.current) setDraftState(reply.settings.prefix);
      },
      (error: unknown) => {
        if (live) setProblem(`Your saved style folder could not be loaded, so “${DEFAULT_SETTINGS.prefix}” is used. ${ChorusError.from(error).message}`);
      },
    );
    return () => {
      live = false;
    };
  }, [channel]);

  const parsed = writeStylesOptionsSchema.shape.prefix.safeParse(draft);
  const valid = parsed.success ? parsed.data : null;

  return {
    draft,
    valid,
    problem,
    setDraft(value) {
      edited.current = true;
      setDraftState(value);
    },
    save() {
      if (valid === null || valid === saved.current) return;
      const previous = saved.current;
      saved.current = valid;
      channel.request({ type: 'save-settings', settings: { prefix: valid } }).then(
        () => setProblem(null),
        (error: unknown) => {
          saved.current = previous;
          setProblem(`The style folder was not saved for next time. ${ChorusError.from(error).message}`);
        },
      );
    },
  };
}
