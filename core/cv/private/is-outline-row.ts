/** Frames shorter than this are icons and swatches, whose every row is content. */
const MIN_HEIGHT_FOR_OUTLINE = 16;

/**
 * True for the outermost rows of a frame tall enough to be a capture: a window's 1 px outline and
 * a title bar's highlight line, drawn by the system, not the theme. A design's own edge (a frame's
 * stroke) also shows in the outermost columns of every other row, so skipping these rows does not
 * lose it. (Row 0 is also the one row the seeded row sampling always reads: counted, it would weigh
 * rowStep times what it shows.)
 */
export function isOutlineRow(y: number, height: number): boolean {
  return (y === 0 || y === height - 1) && height >= MIN_HEIGHT_FOR_OUTLINE;
}
