import type { Token } from '../protocol/run-event.ts';
import type { ExportColor } from './export-color.ts';

/** A run's consensus tokens (by key) as exportable colours, most prominent first. */
export function exportColorsFromTokens(tokens: Readonly<Record<string, Token>>): ExportColor[] {
  return Object.values(tokens)
    .map((t): ExportColor => ({
      hex: t.hex,
      ...(t.role ? { role: t.role } : {}),
      ...(t.name ? { name: t.name } : {}),
      ...(t.share !== undefined ? { share: t.share } : {}),
      confidence: t.confidence,
      agreement: t.agreement,
      conflict: t.conflict,
      candidates: t.candidates,
    }))
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
}
