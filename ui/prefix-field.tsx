import type { ComponentChildren } from 'preact';
import type { TextSetting } from './use-settings.ts';

export interface PrefixFieldProps {
  readonly prefix: TextSetting;
  readonly disabled: boolean;
  /** Shown at the end of the label's line (a related option), so it costs no row of its own. */
  readonly aside?: ComponentChildren;
}

/** The style folder, e.g. `Chorus` or `Brand/Colours`; saved for next time when the field loses focus. */
export function PrefixField({ prefix, disabled, aside }: PrefixFieldProps) {
  const invalid = prefix.valid === null;
  return (
    <div class="field">
      <div class="field-label-row">
        <label class="field-label" for="style-prefix">
          Style folder
        </label>
        {aside}
      </div>
      <input
        id="style-prefix"
        class="input"
        type="text"
        spellcheck={false}
        autocomplete="off"
        maxLength={64}
        value={prefix.draft}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'style-prefix-problem' : undefined}
        onInput={(event) => prefix.setDraft(event.currentTarget.value)}
        onBlur={() => prefix.save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') prefix.save();
        }}
      />
    </div>
  );
}
