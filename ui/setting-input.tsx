import type { TextSetting } from './use-settings.ts';

interface SettingInputProps {
  readonly id: string;
  readonly setting: TextSetting;
  readonly type: 'url' | 'password';
  readonly maxLength: number;
  readonly placeholder: string;
  readonly describedBy: string;
}

/** A text setting's input: edits the draft, saves it when the field loses focus or on Enter. */
export function SettingInput({ id, setting, type, maxLength, placeholder, describedBy }: SettingInputProps) {
  return (
    <input
      id={id}
      class="input input--mono"
      type={type}
      {...(type === 'url' ? { inputMode: 'url' as const } : {})}
      spellcheck={false}
      autocomplete="off"
      maxLength={maxLength}
      placeholder={placeholder}
      value={setting.draft}
      aria-invalid={setting.valid === null}
      aria-describedby={describedBy}
      onInput={(event) => setting.setDraft(event.currentTarget.value)}
      onBlur={() => setting.save()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') setting.save();
      }}
    />
  );
}
