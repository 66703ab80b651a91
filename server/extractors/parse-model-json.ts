/**
 * The JSON value in a model's text answer. Structured outputs give bare JSON, but local servers
 * (and models that ignore `response_format`) wrap it in a Markdown fence or a sentence of prose:
 * the first fenced block is tried, then the span from the first `{` to the last `}`.
 * Returns undefined when no JSON object can be read.
 */
export function parseModelJson(text: string): unknown {
  const attempts = [text.trim()];
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  if (fenced?.[1]) attempts.push(fenced[1].trim());
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  if (open >= 0 && close > open) attempts.push(text.slice(open, close + 1));
  for (const candidate of attempts) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Not this reading of the text; the next one may be.
    }
  }
  return undefined;
}
