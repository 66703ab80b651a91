// The browser benchmark's page script, bundled like the plugin UI: tier 1 as the iframe runs it,
// decoding with ui/decode-png.ts (the browser's native decoder first) and voting with extractTier1Many.
import { extractTier1Many } from '../../core/cv/extract-tier1.ts';
import { decodePng } from '../../ui/decode-png.ts';
import type { BrowserSample } from './browser-bench-api.ts';
import { fitToExportSide } from './fit-to-export-side.ts';

window.chorusBench = {
  async time(name, runs) {
    const response = await fetch(`/fixtures/${encodeURIComponent(name)}.png`);
    if (!response.ok) throw new Error(`the bench server has no fixture ${name} (${response.status})`);
    const { png, scaled } = await fitToExportSide(new Uint8Array(await response.arrayBuffer()));
    const samples: BrowserSample[] = [];
    let size = { width: 0, height: 0 };
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const { image, decoder } = await decodePng(png, name);
      const decoded = performance.now();
      const result = extractTier1Many([image]);
      const end = performance.now();
      size = { width: image.width, height: image.height };
      samples.push({ decodeMs: decoded - start, extractMs: end - decoded, totalMs: end - start, decoder, colors: result.colors.length });
    }
    return { ...size, scaled, samples, userAgent: navigator.userAgent };
  },
};
