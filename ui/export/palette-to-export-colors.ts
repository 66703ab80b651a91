import type { PaletteColor } from '../../core/palette/palette-color.ts';
import type { ExportColor } from '../../core/tokens/export-color.ts';

/**
 * The palette on screen as the token exporters take it: hex, role, the model's name, share,
 * confidence and agreement as the vote gave them; a conflict with `conflict: true` and every
 * candidate, each vote naming the candidate's value (the consensus's shape). A colour the designer
 * settled in the playground (`conflict: false` but candidates kept) keeps them as the record of
 * what was chosen among.
 */
export function paletteToExportColors(palette: readonly PaletteColor[]): ExportColor[] {
  return palette.map((color) => ({
    hex: color.hex,
    ...(color.role ? { role: color.role } : {}),
    ...(color.name ? { name: color.name } : {}),
    share: color.share,
    ...(color.confidence !== undefined ? { confidence: color.confidence } : {}),
    ...(color.agreement !== undefined ? { agreement: color.agreement } : {}),
    ...(color.conflict !== undefined || color.candidates ? { conflict: color.conflict === true } : {}),
    ...(color.candidates
      ? {
          candidates: color.candidates.map((candidate) => ({
            hex: candidate.hex,
            weight: candidate.weight,
            measured: candidate.measured,
            votes: candidate.votes.map((vote) => ({ extractor: vote.extractor, weight: vote.weight, hex: candidate.hex })),
          })),
        }
      : {}),
  }));
}
