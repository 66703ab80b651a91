import { parseHex } from '../../core/color/index.ts';
import type { ExtractResult } from './to-extract-result.ts';

/** A palette as text for a person: a coloured block per colour on a terminal, plain text elsewhere. */
export function formatPaletteTable(result: ExtractResult, color: boolean): string {
  const lines = [`${result.file}  ${result.width}×${result.height}  decode ${result.timings_ms.decode} ms, extract ${result.timings_ms.extract} ms, cost $${result.total_cost.toFixed(4)}`];
  for (const c of result.colors) {
    const rgb = parseHex(c.hex);
    const chip = color && rgb ? `\x1b[48;2;${rgb.r};${rgb.g};${rgb.b}m    \x1b[0m ` : '';
    const confidence = c.confidence !== undefined ? `  ${Math.round(c.confidence * 100)}% sure` : '';
    const name = c.name ? `  ${c.name}` : '';
    lines.push(`  ${chip}${c.hex}  ${(c.role ?? '').padEnd(10)}  ${(c.share * 100).toFixed(2).padStart(6)}%${confidence}${name}`);
  }
  return `${lines.join('\n')}\n`;
}
