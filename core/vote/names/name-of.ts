import type { Role } from '../../palette/role.ts';
import type { Witness } from '../independence/find-witnesses.ts';
import type { ValueGroup } from '../values/group-values.ts';

/**
 * The names question, answered by the models: the name the heaviest model gave this colour,
 * preferring one that also gave it the role it holds (its name was meant for that use). An echo's
 * names count: naming is what it added. Undefined when no model named it.
 */
export function nameOf(group: ValueGroup, role: Role | undefined, witnesses: readonly Witness[]): string | undefined {
  const weightOf = (extractor: string) => witnesses.find((w) => w.extractors.has(extractor))?.weight ?? 0;
  return group.points
    .filter((p) => !p.vote.measured && p.vote.name)
    .sort(
      (a, b) =>
        Number(b.vote.role === role) - Number(a.vote.role === role) ||
        weightOf(b.vote.extractor) - weightOf(a.vote.extractor) ||
        (a.vote.extractor < b.vote.extractor ? -1 : a.vote.extractor > b.vote.extractor ? 1 : 0),
    )[0]?.vote.name;
}
