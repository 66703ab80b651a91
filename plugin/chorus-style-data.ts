/**
 * Plugin-data keys Chorus keeps on each style it writes. A style is found again by
 * (prefix, slot), never by its name, so the designer may rename it freely; `hex` is what Chorus
 * last wrote, which tells a hand edit (paint differs from it) from Chorus's own value.
 */
export const CHORUS_STYLE_DATA = {
  /** The palette's prefix (folder) when written, e.g. `Chorus`. */
  prefix: 'chorus.prefix',
  /** `primary`, `primary-2`, `color-3`: see assignStyleSlots. */
  slot: 'chorus.slot',
  /** The `#rrggbb` Chorus last wrote into the style's paint. */
  hex: 'chorus.hex',
} as const;
