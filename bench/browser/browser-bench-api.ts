/** One decode + tier-1 extraction in the page, timed with the page's performance.now (ms). */
export interface BrowserSample {
  readonly decodeMs: number;
  readonly extractMs: number;
  /** Decode start → extraction end. */
  readonly totalMs: number;
  /** Which decoder ui/decode-png.ts used: the benchmark means the native one. */
  readonly decoder: 'native' | 'jimp';
  /** Colours in the palette: a run that found none would be a broken run, not a fast one. */
  readonly colors: number;
}

export interface BrowserTiming {
  readonly width: number;
  readonly height: number;
  /** True when the fixture was over the plugin's export limit and was scaled down to it first. */
  readonly scaled: boolean;
  /** Every run in order; the first is the page's first (cold) run. */
  readonly samples: readonly BrowserSample[];
  readonly userAgent: string;
}

/** What the benchmark page exposes to Node (through page.evaluate) as `window.chorusBench`. */
export interface ChorusBenchPage {
  /**
   * Fetches `/fixtures/NAME.png` once (scaled to the plugin's export limit if over it, untimed),
   * then decodes and extracts it `runs` times.
   */
  time(name: string, runs: number): Promise<BrowserTiming>;
}

declare global {
  interface Window {
    chorusBench?: ChorusBenchPage;
  }
}
