import type { PaletteRun } from './extract-palette.ts';

/** Decode and extract wall-clock times of the last run, and which decoder read the pixels. */
export function TimingsFooter({ run }: { run: PaletteRun }) {
  const decoders = [...new Set(run.decoders)].join(' + ');
  return (
    <footer class="footer" data-testid="timings">
      decode {Math.round(run.decodeMs)} ms ({decoders}) · extract {Math.round(run.extractMs)} ms
    </footer>
  );
}
