/** How the shipped extractors (server/config/extractors.json) read in the panel; any other id shows as it is. */
const LABELS: Readonly<Record<string, string>> = {
  'flat-regions': 'Flat regions',
  'oklab-clusters': 'OKLab clusters',
  'flat-regions-full': 'Flat regions, full size',
  'local-vision': 'Local model',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'anthropic-deep': 'Anthropic, deep',
};

/** `openai` → `OpenAI`; an id Chorus does not ship is shown as it is. */
export function extractorLabel(id: string): string {
  return LABELS[id] ?? id;
}
