/**
 * The seven passes of Adam7 interlacing (PNG spec §8.2): where each pass starts and how
 * far apart its pixels are, in columns and rows.
 */
export const ADAM7_PASSES: readonly { readonly x0: number; readonly y0: number; readonly dx: number; readonly dy: number }[] = [
  { x0: 0, y0: 0, dx: 8, dy: 8 },
  { x0: 4, y0: 0, dx: 8, dy: 8 },
  { x0: 0, y0: 4, dx: 4, dy: 8 },
  { x0: 2, y0: 0, dx: 4, dy: 4 },
  { x0: 0, y0: 2, dx: 2, dy: 4 },
  { x0: 1, y0: 0, dx: 2, dy: 2 },
  { x0: 0, y0: 1, dx: 1, dy: 2 },
];

/** A pass's reduced image size; either side may be 0, and then the pass has no bytes at all (§8.2). */
export function adam7PassSize(pass: (typeof ADAM7_PASSES)[number], width: number, height: number): { width: number; height: number } {
  return {
    width: width > pass.x0 ? Math.ceil((width - pass.x0) / pass.dx) : 0,
    height: height > pass.y0 ? Math.ceil((height - pass.y0) / pass.dy) : 0,
  };
}
