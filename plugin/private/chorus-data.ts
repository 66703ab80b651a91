import { CHORUS_STYLE_DATA } from '../chorus-style-data.ts';
import { getChorusData, setChorusData } from './chorus-plugin-data.ts';

/** The plugin data Chorus changes on a style or variable after creating it: its colour, review marker and decision. */
export type ChorusData = Readonly<Record<'hex' | 'review' | 'decision', string>>;

const KEYS = ['hex', 'review', 'decision'] as const;

export function readChorusData(owner: PluginDataMixin): ChorusData {
  return {
    hex: getChorusData(owner, CHORUS_STYLE_DATA.hex),
    review: getChorusData(owner, CHORUS_STYLE_DATA.review),
    decision: getChorusData(owner, CHORUS_STYLE_DATA.decision),
  };
}

/** Writes the entries of `data` that differ ("" removes one); unchanged entries are not touched, so not journaled. */
export function writeChorusData(owner: PluginDataMixin, data: Partial<ChorusData>): void {
  for (const key of KEYS) {
    const value = data[key];
    if (value !== undefined && getChorusData(owner, CHORUS_STYLE_DATA[key]) !== value) setChorusData(owner, CHORUS_STYLE_DATA[key], value);
  }
}
