/** One measured colour as the prompt listed it, with the role CV guessed when the prompt says. */
export interface ListedColor {
  readonly hex: string;
  readonly role?: string;
}

/**
 * The measured colours a model was shown, in the prompt's order: every `#rrggbb` at the start of a
 * list line, and the role after "guessed:" on that line when there is one. Read from the prompt
 * text itself, so the panel answers whatever the server really asked.
 */
export function promptColors(prompt: string): ListedColor[] {
  const listed: ListedColor[] = [];
  const seen = new Set<string>();
  for (const line of prompt.split('\n')) {
    const match = /^\s*[-*•]?\s*(#[0-9a-fA-F]{6})\b(.*)$/.exec(line);
    if (!match) continue;
    const hex = match[1]!.toLowerCase();
    if (seen.has(hex)) continue;
    seen.add(hex);
    const role = /guessed:?\s*([a-z-]+)/i.exec(match[2]!)?.[1]?.toLowerCase();
    listed.push({ hex, ...(role ? { role } : {}) });
  }
  return listed;
}
