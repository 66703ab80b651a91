/**
 * A valid token name from any label: DTCG forbids `{`, `}` and `.` in names (they are reference
 * syntax) and a leading `$` (reserved); CSS custom properties want no spaces or quotes. Lower-case
 * kebab case keeps the same name valid everywhere. Never empty: a label with nothing usable gives `color`.
 */
export function toTokenName(label: string): string {
  const name = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_$]+|[-_]+$/g, '');
  return name === '' ? 'color' : name;
}
