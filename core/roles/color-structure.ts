/**
 * What the image says about how one palette colour is used. Fractions are of the sampled opaque
 * pixels (0–1). Measured by `measureStructure` (core/cv); role inference reads it.
 */
export interface ColorStructure {
  /** Pixels that show it. */
  readonly share: number;
  /** Pixels in thin runs between other colours: glyph stems, icon lines, vertical rules. */
  readonly stroke: number;
  /** Pixels in long runs that continue above or below: fills of bars, panels, buttons. */
  readonly fill: number;
  /** Pixels in long runs one pixel tall: horizontal rules and borders. */
  readonly rule: number;
  /** Pixels inside texture cells (photos, avatars, logos), where a colour is content, not palette. */
  readonly content: number;
  /**
   * Per palette colour j, the share (0–1) of this colour's pixels that lie in layout cells where j
   * holds the majority: what it is drawn on. Cells it holds itself, and cells nobody holds, are left out.
   */
  readonly grounds: readonly number[];
  /** Index of the palette colour that encloses most of its regions (a card on a page), or -1. */
  readonly enclosedBy: number;
  /** Share (0–1) of its layout cells in regions `enclosedBy` encloses. */
  readonly enclosedShare: number;
  /** Share (0–1) of those enclosed cells in its largest enclosed region: cards on a page share it out, an editor framed by window chrome holds nearly all. */
  readonly enclosedLargest: number;
}
