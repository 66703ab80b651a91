/** Pixels held by runs in flight, against a fixed budget: what keeps decoded images from exhausting memory. */
export interface PixelBudget {
  /** Holds `pixels` and returns the release, or null when they do not fit now. */
  tryHold(pixels: number): (() => void) | null;
  inFlight(): number;
}

export function createPixelBudget(maxPixels: number): PixelBudget {
  let held = 0;
  return {
    tryHold(pixels) {
      if (pixels < 0 || held + pixels > maxPixels) return null;
      held += pixels;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held -= pixels;
      };
    },
    inFlight: () => held,
  };
}
