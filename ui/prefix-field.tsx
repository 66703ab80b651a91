import type { TextSetting } from './use-settings.ts';

/** The style folder, e.g. `Chorus` or `Brand/Colours`; saved for next time when the field loses focus. */
export function PrefixField({ prefix, disabled }: { prefix: TextSetting; disabled: boolean }) {
  const invalid = prefix.valid === null;
  return (
    <div class="field">
      <label class="field-label" for="style-prefix">
        Style folder
      </label>
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
