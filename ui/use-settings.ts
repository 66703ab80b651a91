import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import type { PluginChannel } from './plugin-channel.ts';

type Field = keyof Settings;
type TextField = 'prefix' | 'serverUrl' | 'accessToken';
type FlagField = 'variables' | 'useLearnedWeights';

/** One text setting as its field edits it. */
export interface TextSetting {
  /** What is in the field now. */
  readonly draft: string;
  /** The draft as the contract accepts it (trimmed), or null when it is not valid. */
  readonly valid: string | null;
  setDraft(value: string): void;
  /** Saves the draft through `save-settings` if it is valid and differs from what was last saved. */
  save(): void;
}

/** One on/off setting: saved as soon as it changes. */
export interface FlagSetting {
  readonly value: boolean;
  set(value: boolean): void;
}

export interface SettingsState {
  /** The style folder, e.g. `Chorus` or `Brand/Colours`. */
  readonly prefix: TextSetting;
  /** The backend that refines tier 1; `''` for none. */
  readonly serverUrl: TextSetting;
  /** That backend's access token (its CHORUS_TOKEN); `''` for a server that needs none. */
  readonly accessToken: TextSetting;
  /** Write COLOR variables along with the styles. */
  readonly variables: FlagSetting;
  /** Weigh the backend's next vote by the designer's review decisions. */
  readonly useLearnedWeights: FlagSetting;
  /** A load or save problem, in a sentence. */
  readonly problem: string | null;
  /** Resolves once the stored settings have loaded, or failed to (the defaults then stay). Never rejects. */
  readonly loaded: Promise<void>;
  /** The settings in effect now: each text field's valid draft, else what was last saved. For code after an `await`. */
  current(): Settings;
}

const FIELD_NAMES: Record<Field, string> = {
  prefix: 'style folder',
  serverUrl: 'server',
  accessToken: 'access token',
  variables: '“Also write variables” choice',
  useLearnedWeights: '“Use this to weigh the next vote” choice',
};
const FIELDS = Object.keys(FIELD_NAMES) as Field[];
const NOT_EDITED: Record<Field, boolean> = { prefix: false, serverUrl: false, accessToken: false, variables: false, useLearnedWeights: false };

/**
 * The designer's settings: loaded once with `load-settings`, saved with `save-settings` when a
 * field changes. Every save sends all the fields, so saving one never resets another.
 */
export function useSettings(channel: PluginChannel): SettingsState {
  const [drafts, setDraftsState] = useState<Settings>(DEFAULT_SETTINGS);
  // The drafts as of now, for `current()` called after an await, before the next render.
  const latestDrafts = useRef<Settings>(DEFAULT_SETTINGS);
  const setDrafts = (update: (now: Settings) => Settings): void => {
    latestDrafts.current = update(latestDrafts.current);
    setDraftsState(latestDrafts.current);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const saved = useRef<Settings>({ ...DEFAULT_SETTINGS });
  const edited = useRef<Record<Field, boolean>>({ ...NOT_EDITED });
  const [loading] = useState(() => {
    let resolve = (): void => {};
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  });

  useEffect(() => {
    let live = true;
    channel
      .request({ type: 'load-settings' })
      .then(
        (reply) => {
          if (!live) return;
          saved.current = reply.settings;
          // The designer may have typed or clicked while settings loaded; their input wins.
          setDrafts((now) => {
            const next = { ...reply.settings };
            for (const field of FIELDS) if (edited.current[field]) Object.assign(next, { [field]: now[field] });
            return next;
          });
        },
        (error: unknown) => {
          if (live) setProblem(`Your saved settings could not be loaded, so the defaults are used. ${ChorusError.from(error).message}`);
        },
      )
      .finally(loading.resolve);
    return () => {
      live = false;
    };
  }, [channel]);

  /**
   * Saves `field` as `value` once the stored settings have loaded (a save before then would send
   * the defaults for every other field); puts it back if the save fails. All fields go, so saving
   * one never resets another.
   */
  const saveField = <F extends Field>(field: F, value: Settings[F]): void => {
    void loading.promise.then(() => {
      if (value === saved.current[field]) return;
      const previous = saved.current;
      const next = { ...previous, [field]: value };
      saved.current = next;
      channel.request({ type: 'save-settings', settings: next }).then(
        () => setProblem(null),
        (error: unknown) => {
          // Put back only this field: another may have been saved since.
          saved.current = { ...saved.current, [field]: previous[field] };
          setProblem(`The ${FIELD_NAMES[field]} was not saved for next time. ${ChorusError.from(error).message}`);
        },
      );
    });
  };

  const text = (field: TextField): TextSetting => {
    const valid = validOf(field, drafts);
    return {
      draft: drafts[field],
      valid,
      setDraft(value) {
        edited.current[field] = true;
        setDrafts((now) => ({ ...now, [field]: value }));
      },
      save() {
        if (valid !== null) saveField(field, valid);
      },
    };
  };

  const flag = (field: FlagField): FlagSetting => ({
    value: drafts[field],
    set(value) {
      edited.current[field] = true;
      setDrafts((now) => ({ ...now, [field]: value }));
      saveField(field, value);
    },
  });

  return {
    prefix: text('prefix'),
    serverUrl: text('serverUrl'),
    accessToken: text('accessToken'),
    variables: flag('variables'),
    useLearnedWeights: flag('useLearnedWeights'),
    problem,
    loaded: loading.promise,
    current: () => ({
      prefix: validOf('prefix', latestDrafts.current) ?? saved.current.prefix,
      serverUrl: validOf('serverUrl', latestDrafts.current) ?? saved.current.serverUrl,
      accessToken: validOf('accessToken', latestDrafts.current) ?? saved.current.accessToken,
      variables: latestDrafts.current.variables,
      useLearnedWeights: latestDrafts.current.useLearnedWeights,
    }),
  };
}

/** A text field's draft as the contract accepts it (trimmed), or null when it is not valid. */
function validOf(field: TextField, drafts: Settings): string | null {
  const parsed = settingsSchema.shape[field].safeParse(drafts[field]);
  return parsed.success ? parsed.data : null;
}
