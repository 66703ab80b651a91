/** Below this a percentage rounds to 0.0 %, which would read as "absent". */
const SMALLEST_SHOWN = 0.001;

/** A 0–1 pixel share as a percentage: `81.8%`, `0.4%`, `<0.1%`. */
export function formatShare(share: number): string {
  if (share > 0 && share < SMALLEST_SHOWN) return '<0.1%';
  return `${(share * 100).toFixed(share >= 0.1 ? 0 : 1)}%`;
}
