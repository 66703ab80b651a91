/**
 * Plugin-data keys Chorus keeps on each style it writes, and on each variable it writes (the same
 * keys, so a style and its variable are read by the same code). A style is found again by
 * (prefix, slot), never by its name, so the designer may rename it freely; `hex` is what Chorus
 * last wrote, which tells a hand edit (the colour differs from it) from Chorus's own value.
 */
export const CHORUS_STYLE_DATA = {
  /** The palette's prefix (folder) when written, e.g. `Chorus`. */
  prefix: 'chorus.prefix',
  /** `primary`, `primary-2`, `color-3`: see assignStyleSlots. */
  slot: 'chorus.slot',
  /** The `#rrggbb` Chorus last wrote into the style's paint (or the variable's default-mode value). */
  hex: 'chorus.hex',
  /**
   * Present while the colour waits for the designer's review: a ReviewMarker as JSON (every
   * candidate with its votes, and the source frames). Cleared when the designer resolves it.
   */
  review: 'chorus.review',
  /** The designer's resolution of a conflict, a DecisionRecord as JSON: later runs keep that colour. */
  decision: 'chorus.decision',
} as const;

/** On `figma.root`: what the designer's review decisions taught about each extractor (a Learning, as JSON). */
export const CHORUS_LEARNING_KEY = 'chorus.learning';

/** On the variable collection Chorus made: `1`. Finds it again whatever the designer renamed it to. */
export const CHORUS_COLLECTION_KEY = 'chorus.collection';
