import { parseHex } from '../color/index.ts';
import { mulberry32 } from '../random/mulberry32.ts';
import { PaletteIndex } from './private/palette-index.ts';
import { OPAQUE_ALPHA, pixelWords } from './private/pixel-words.ts';
import { rowStepFor } from './private/row-step-for.ts';
import { isOutlineRow } from './private/is-outline-row.ts';
import type { RgbaImage } from './rgba-image.ts';
import type { ColorStructure } from '../roles/color-structure.ts';

/** Pixels read at most: structure needs the layout, not every pixel. */
const STRUCTURE_BUDGET = 200_000;
/** Stretches a row is cut into at most when the frame is read on more rows (see measureStructure). */
const MAX_SEGMENTS = 4;
/** Glyph stems are 1–2 px wide at 1x and up to 4 at 2x; a wider run is a fill of its own. */
const STROKE_MAX_RUN = 4;
/** A run this long is a fill (a bar, a button, a page) or, one pixel tall, a rule. */
const FILL_MIN_RUN = 8;
/** Cells on the longer side of the layout grid: a 1440 px frame gets 15 px cells, about a line of text. */
const GRID_CELLS = 96;
/** The smallest cell, so a small frame is not cut finer than its strokes. */
const MIN_CELL = 6;
/** A cell shows a colour when that colour holds at least this share of its pixels. */
const CELL_MAJORITY = 0.5;
/** A region is enclosed by the colour that holds at least this share of the cells around it. */
const ENCLOSER_SHARE = 0.6;
/** A cell where this share of pixels matches no palette colour is texture: a photo, an avatar, a logo. */
const CONTENT_UNMATCHED = 0.85;
/**
 * A region whose neighbouring cells are at least this much texture lies inside a picture, not on
 * the layout; a card framing a photo has the page on its other side, about half its neighbours.
 */
const INSIDE_TEXTURE_SHARE = 0.75;
/**
 * A neighbouring cell counts as texture for that test when at least this share of it matches no
 * palette colour: a photo around a flat patch; the anti-aliased rim of a button stays under it.
 */
const TEXTURE_NEIGHBOUR_UNMATCHED = 0.8;
/** …if it is a patch, at most this share of the grid: a bar or a panel lined with icons is layout. */
const MAX_PATCH_SHARE = 0.01;

/**
 * Measures, for each palette colour, the structure it takes part in: thin strokes, fills, rules,
 * texture, and on a coarse layout grid its regions and which other colour encloses them. One pass over
 * about `STRUCTURE_BUDGET` pixels; pure and deterministic. Role inference reads it.
 */
export function measureStructure(image: RgbaImage, hexes: readonly string[]): ColorStructure[] {
  const n = hexes.length;
  const { width, height } = image;
  const empty = (): ColorStructure => ({ share: 0, stroke: 0, fill: 0, rule: 0, content: 0, grounds: new Array<number>(n).fill(0), enclosedBy: -1, enclosedShare: 0, enclosedLargest: 0 });
  if (n === 0 || width === 0 || height === 0) return hexes.map(empty);
  const keys = hexes.map((h) => {
    const rgb = parseHex(h) ?? { r: 0, g: 0, b: 0 };
    return rgb.r | (rgb.g << 8) | (rgb.b << 16);
  });
  const index = new PaletteIndex(keys);
  const words = pixelWords(image);
  const labelAt = (i: number) => {
    const w = words[i]!;
    return w >>> 24 >= OPAQUE_ALPHA ? index.lookup(w & 0xffffff) : -2;
  };

  const rowStep = rowStepFor(image, STRUCTURE_BUDGET);
  // Cells at least two row steps tall, so that every cell row is read, each stretch of it about
  // twice (a cell row holds about 2 × segments reads, below).
  const cell = Math.max(MIN_CELL, Math.ceil(Math.max(width, height) / GRID_CELLS), 2 * rowStep);
  const gw = Math.ceil(width / cell), gh = Math.ceil(height / cell);
  const cellOfX = new Int32Array(width);
  for (let x = 0; x < width; x++) cellOfX[x] = Math.floor(x / cell);
  // Counts for one row of cells at a time (the rows are read top to bottom), then labelled.
  const cellCounts = new Float64Array(gw * (n + 1));
  const cellTotal = new Float64Array(gw);
  const cellTransparent = new Uint8Array(gw);
  // Which palette colours each cell of the row holds, as bits (a cell holds two or three): labelling
  // then visits those, not the whole palette. ALL_COLORS when a colour past bit 30 is among them.
  const cellColors = new Int32Array(gw);
  const labels = new Int8Array(gw * gh).fill(-1);
  const contentPixels = new Float64Array(n);
  const grounds = new Float64Array(n * n);
  const unmatched = new Float32Array(gw * gh);
  const majority = new Float64Array(gw * gh);
  let cellRowY = 0;
  const flushCellRow = () => {
    labelCellRow({ counts: cellCounts, totals: cellTotal, transparent: cellTransparent, colors: cellColors }, n, { labels, unmatched, majority, offset: cellRowY * gw }, contentPixels, grounds);
    cellCounts.fill(0);
    cellTotal.fill(0);
    cellTransparent.fill(0);
    cellColors.fill(0);
  };

  const share = new Float64Array(n), stroke = new Float64Array(n), fill = new Float64Array(n), rule = new Float64Array(n);
  let total = 0;
  // A large frame is read on `segments` times as many rows, each row on one of `segments` equal
  // stretches of its width in turn: about the same pixels in all, on more lines of text, rules and cells
  // (whole rows every rowStep-th row saw a line of glyphs or missed it, and what a pass measured
  // moved with the seed). Row steps vary around their mean, seeded, as the flat-region scan's do:
  // a fixed stride can divide a layout's rhythm.
  const segments = Math.min(MAX_SEGMENTS, rowStep);
  const step = Math.max(1, Math.round(rowStep / segments));
  const random = mulberry32(width * 0x51ed + height);
  let segment = Math.floor(random() * segments);
  for (let y = 0; y < height; y += step === 1 ? 1 : 1 + Math.floor(random() * (2 * step - 1))) {
    // A capture's outermost rows are its window's outline, not the layout (as in the flat-region scan).
    if (isOutlineRow(y, height)) continue;
    const row = y * width;
    if (Math.floor(y / cell) !== cellRowY) {
      flushCellRow();
      cellRowY = Math.floor(y / cell);
    }
    segment = (segment + 1) % segments;
    const from = Math.floor((segment * width) / segments), to = Math.floor(((segment + 1) * width) / segments);
    let previous = -2;
    let label = labelAt(row + from);
    let x = from;
    while (x < to) {
      // The run: equal pixels, and neighbouring values that show the same palette colour (JPEG
      // noise on a fill). Each new value is looked up once; its label carries over to the next run.
      let end = x + 1;
      let next = -3; // -3: the stretch's end
      let last = words[row + x]!;
      while (end < to) {
        const w = words[row + end]!;
        if (w === last) {
          end++;
          continue;
        }
        last = w;
        const l = w >>> 24 >= OPAQUE_ALPHA ? index.lookup(w & 0xffffff) : -2;
        if (l >= 0 && l === label) {
          end++;
          continue;
        }
        next = l;
        break;
      }
      const run = end - x;
      const firstCell = cellOfX[x]!, lastCell = cellOfX[end - 1]!;
      if (label !== -2) {
        total += run;
        const column = label >= 0 ? label : n;
        const bit = label < 0 ? 0 : label < 31 ? 1 << label : ALL_COLORS;
        if (firstCell === lastCell) {
          // Most runs (glyph strokes, blends) lie inside one cell.
          cellTotal[firstCell]! += run;
          cellCounts[firstCell * (n + 1) + column]! += run;
          cellColors[firstCell]! |= bit;
        } else {
          // A long run (a bar, a page): its first and last cells in part, every cell between in full.
          for (let cx = firstCell; cx <= lastCell; cx++) {
            const inCell = cx === firstCell ? (cx + 1) * cell - x : cx === lastCell ? end - cx * cell : cell;
            cellTotal[cx]! += inCell;
            cellCounts[cx * (n + 1) + column]! += inCell;
            cellColors[cx]! |= bit;
          }
        }
      } else for (let cx = firstCell; cx <= lastCell; cx++) cellTransparent[cx] = 1;
      if (label >= 0) {
        share[label]! += run;
        if (run <= STROKE_MAX_RUN && previous !== label && next !== label && x > from && end < to) {
          stroke[label]! += run;
        } else if (run >= FILL_MIN_RUN) {
          const mid = (x + end) >> 1;
          const above = y > 0 ? labelAt(row - width + mid) : -3;
          const below = y + 1 < height ? labelAt(row + width + mid) : -3;
          if (above !== label && below !== label) rule[label]! += run;
          else fill[label]! += run;
        }
      }
      previous = label;
      label = next;
      x = end;
    }
  }
  flushCellRow();
  if (total === 0) return hexes.map(empty);
  const regions = measureRegions(labels, { unmatched, majority, contentPixels }, gw, gh, n);
  return hexes.map((_, i) => ({
    share: share[i]! / total,
    stroke: stroke[i]! / total,
    fill: fill[i]! / total,
    rule: rule[i]! / total,
    content: contentPixels[i]! / total,
    grounds: groundShares(grounds, i, n),
    ...regions[i]!,
  }));
}

/** Row `i` of the ground counts as shares of its sum: where colour `i` is drawn, by the colour around it. */
function groundShares(grounds: Float64Array, i: number, n: number): number[] {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += grounds[i * n + j]!;
  return Array.from({ length: n }, (_, j) => (sum ? grounds[i * n + j]! / sum : 0));
}

/** Where one row of cells is labelled: `labels`, the share of pixels no palette colour matches, and the `majority` colour's pixel count, from `offset`. */
interface CellRowOut {
  readonly labels: Int8Array;
  readonly unmatched: Float32Array;
  readonly majority: Float64Array;
  readonly offset: number;
}

/** One row of cells as read: per cell, pixels per palette colour (and unmatched, last), pixels read, whether any was transparent, which colours it holds (bits). */
interface CellRow {
  readonly counts: Float64Array;
  readonly totals: Float64Array;
  readonly transparent: Uint8Array;
  readonly colors: Int32Array;
}

/** `cellColors` for a cell holding a palette colour past bit 30: every colour is looked at. */
const ALL_COLORS = -1;

/**
 * Labels one row of layout cells: a cell's colour, -1 when none holds a majority (or no pixel of
 * it was read), -2 when it is transparent (outside the frame's content, like the frame's edge).
 * The palette pixels of texture cells are added to `contentPixels`; those of the other colours in
 * a cell one colour holds, to `grounds` (row: the colour drawn, column: the colour holding the cell).
 */
function labelCellRow(row: CellRow, n: number, out: CellRowOut, contentPixels: Float64Array, grounds: Float64Array): void {
  const { counts, totals, transparent, colors } = row;
  const members = new Int32Array(n);
  for (let c = 0; c < totals.length; c++) {
    const t = totals[c]!;
    const at = out.offset + c;
    if (t === 0) {
      out.labels[at] = transparent[c] ? -2 : -1;
      continue;
    }
    let m = 0;
    const mask = colors[c]!;
    if (mask === ALL_COLORS) for (let i = 0; i < n; i++) members[m++] = i;
    else for (let bits = mask; bits !== 0; bits &= bits - 1) members[m++] = 31 - Math.clz32(bits & -bits);
    const base = c * (n + 1);
    let best = -1;
    let bestCount = 0;
    for (let k = 0; k < m; k++) {
      const v = counts[base + members[k]!]!;
      if (v > bestCount) {
        best = members[k]!;
        bestCount = v;
      }
    }
    const held = bestCount >= CELL_MAJORITY * t;
    out.labels[at] = held ? best : -1;
    out.majority[at] = bestCount;
    if (held) for (let k = 0; k < m; k++) if (members[k] !== best) grounds[members[k]! * n + best]! += counts[base + members[k]!]!;
    out.unmatched[at] = counts[base + n]! / t;
    if (counts[base + n]! >= CONTENT_UNMATCHED * t) {
      for (let k = 0; k < m; k++) contentPixels[members[k]!]! += counts[base + members[k]!]!;
    }
  }
}

/** Each cell's unmatched share and majority pixel count, and the content pixels `measureRegions` adds to. */
interface TextureCells {
  readonly unmatched: Float32Array;
  readonly majority: Float64Array;
  readonly contentPixels: Float64Array;
}

/**
 * Connected regions (4-neighbour) of equally labelled cells; a region that does not touch the frame
 * (or an empty cell) and whose surrounding cells mostly show one colour is enclosed by it. A region
 * surrounded by texture (a flat patch inside a photo: an avatar's black hair, a logo's shadow) is
 * content: its pixels are added to `contentPixels`.
 */
function measureRegions(labels: Int8Array, cells: TextureCells, gw: number, gh: number, n: number): { enclosedBy: number; enclosedShare: number; enclosedLargest: number }[] {
  const cellsOf = new Float64Array(n);
  const enclosed = new Float64Array(n * n);
  const enclosedLargest = new Float64Array(n * n);
  const seen = new Uint8Array(labels.length);
  const stack = new Int32Array(labels.length);
  const around = new Float64Array(n);
  for (let start = 0; start < labels.length; start++) {
    const label = labels[start]!;
    if (label < 0 || seen[start]) continue;
    around.fill(0);
    let size = 0;
    let textureAround = 0;
    let pixels = 0;
    let touchesFrame = false;
    let top = 0;
    seen[start] = 1;
    stack[top++] = start;
    while (top > 0) {
      const c = stack[--top]!;
      size++;
      pixels += cells.majority[c]!;
      const cx = c % gw, cy = (c - cx) / gw;
      if (cx === 0 || cy === 0 || cx === gw - 1 || cy === gh - 1) touchesFrame = true;
      for (let k = 0; k < 4; k++) {
        const d = k === 0 ? (cx > 0 ? c - 1 : -1) : k === 1 ? (cx < gw - 1 ? c + 1 : -1) : k === 2 ? (cy > 0 ? c - gw : -1) : cy < gh - 1 ? c + gw : -1;
        if (d < 0) continue;
        if (cells.unmatched[d]! >= TEXTURE_NEIGHBOUR_UNMATCHED) textureAround++;
        const l = labels[d]!;
        if (l === label) {
          if (!seen[d]) {
            seen[d] = 1;
            stack[top++] = d;
          }
        } else if (l === -2) touchesFrame = true;
        else if (l >= 0) around[l]! += 1;
      }
    }
    let labelledAround = 0;
    for (let j = 0; j < n; j++) labelledAround += around[j]!;
    if (size <= MAX_PATCH_SHARE * labels.length && textureAround > 0 && textureAround >= INSIDE_TEXTURE_SHARE * (textureAround + labelledAround)) cells.contentPixels[label]! += pixels;
    cellsOf[label]! += size;
    if (touchesFrame) continue;
    let sum = 0, best = -1, bestV = 0;
    for (let j = 0; j < n; j++) {
      sum += around[j]!;
      if (around[j]! > bestV) {
        best = j;
        bestV = around[j]!;
      }
    }
    if (best >= 0 && bestV >= ENCLOSER_SHARE * sum) {
      enclosed[label * n + best]! += size;
      enclosedLargest[label * n + best] = Math.max(enclosedLargest[label * n + best]!, size);
    }
  }
  return Array.from({ length: n }, (_, i) => {
    let by = -1, byCells = 0;
    for (let j = 0; j < n; j++) {
      if (enclosed[i * n + j]! > byCells) {
        by = j;
        byCells = enclosed[i * n + j]!;
      }
    }
    const cells = cellsOf[i]!;
    return { enclosedBy: by, enclosedShare: cells ? byCells / cells : 0, enclosedLargest: byCells ? enclosedLargest[i * n + by]! / byCells : 0 };
  });
}
