/** Palette length asked of every peer that takes a count, and the cut for scoring: the size the fixtures' README quotes peer figures at. */
export const PALETTE_SIZE = 8;
