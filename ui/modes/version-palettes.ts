import type { DocumentRead } from '../../core/document/layer-paint.ts';
import { mergeWithDocument } from '../../core/document/merge-with-document.ts';
import { voteDocument } from '../../core/document/vote-document.ts';
import type { ExportedImage } from '../../core/messages/plugin-messages.ts';
import type { ModeVersion } from '../../core/messages/modes-messages.ts';
import type { Role } from '../../core/palette/role.ts';
import { extractPalette } from '../extract-palette.ts';

/** Words in a frame's name that say which version of the screen it is. */
const VERSION_WORDS: readonly [RegExp, string][] = [
  [/high[-_ ]?contrast/i, 'High contrast'],
  [/\bdark\b/i, 'Dark'],
  [/\blight\b/i, 'Light'],
];

/** A mode name from a frame's name: "Login — dark" → "Dark"; otherwise the frame's own name. */
export function modeNameOf(frameName: string): string {
  return VERSION_WORDS.find(([pattern]) => pattern.test(frameName))?.[1] ?? (frameName.trim().slice(0, 40) || 'Mode');
}

/**
 * Each selected frame as one version of the screen: its own tier-1 palette (and its own layers'
 * votes, from the read's paints of that frame), reduced to one colour per role. Roles pair the
 * versions: `text` in Light is `text` in Dark.
 */
export async function versionPalettes(images: readonly ExportedImage[], read: DocumentRead | null): Promise<ModeVersion[]> {
  const versions: ModeVersion[] = [];
  for (const [i, image] of images.entries()) {
    const run = await extractPalette([image]);
    const paints = read?.paints.filter((p) => p.root === i) ?? [];
    const colors =
      read && paints.length > 0
        ? mergeWithDocument(run.palette, voteDocument({ ...read, paints: paints.map((p) => ({ ...p, root: 0 })), rootAreas: [read.rootAreas[i] ?? 0] }).extraction)
        : run.palette;
    const byRole = new Map<Role, string>();
    for (const c of colors) if (c.role && !byRole.has(c.role)) byRole.set(c.role, c.hex);
    if (byRole.size > 0) versions.push({ name: modeNameOf(image.name), colors: [...byRole].map(([role, hex]) => ({ role, hex })) });
  }
  return versions;
}
