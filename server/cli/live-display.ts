/** Select Graphic Rendition sequences (colours), which take no columns on screen. */
const SGR_PATTERN = /\x1b\[[0-9;]*m/g;

/** A block of lines on a terminal, redrawn in place with ANSI cursor moves. */
export interface LiveDisplay {
  /** Replaces the block on screen with `lines`. */
  update(lines: readonly string[]): void;
  /** Leaves the block as it is; the next `update` starts a new block below it. */
  commit(): void;
}

/**
 * Redraws by moving the cursor up over the rows drawn last time (`ESC[nA`), then clearing to the
 * end of the screen (`ESC[J`): ECMA-48 sequences every terminal emulator in use understands.
 * `columns` is the terminal's width, to count the rows a long line wraps onto.
 */
export function createLiveDisplay(write: (text: string) => void, columns: number): LiveDisplay {
  let rows = 0;
  return {
    update(lines) {
      const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      write(`${rows > 0 ? `\r\x1b[${rows}A` : ''}\x1b[J${text}`);
      rows = lines.reduce((total, line) => total + rowsOf(line, columns), 0);
    },
    commit() {
      rows = 0;
    },
  };
}

/** Rows a line takes on a terminal `columns` wide (colour codes take none). */
export function rowsOf(line: string, columns: number): number {
  const width = [...line.replace(SGR_PATTERN, '')].length;
  return Math.max(1, Math.ceil(width / Math.max(1, columns)));
}
