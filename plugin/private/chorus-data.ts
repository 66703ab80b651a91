import { CHORUS_STYLE_DATA } from '../chorus-style-data.ts';

/** The plugin data Chorus changes on a style or variable after creating it: its colour, review marker and decision. */
export type ChorusData = Readonly<Record<'hex' | 'review' | 'decision', string>>;

const KEYS = ['hex', 'review', 'decision'] as const;

export function readChorusData(owner: PluginDataMixin): ChorusData {
  return {
    hex: owner.getPluginData(CHORUS_STYLE_DATA.hex),
    review: owner.getPluginData(CHORUS_STYLE_DATA.review),
    decision: owner.getPluginData(CHORUS_STYLE_DATA.decision),
  };
}

/** Writes the entries of `data` that differ ("" removes one); unchanged entries are not touched, so not journaled. */
export function writeChorusData(owner: PluginDataMixin, data: Partial<ChorusData>): void {
  for (const key of KEYS) {
    const value = data[key];
    if (value !== undefined && owner.getPluginData(CHORUS_STYLE_DATA[key]) !== value) owner.setPluginData(CHORUS_STYLE_DATA[key], value);
  }
}
