import { readFileSync } from 'node:fs';
import { extractorsFileSchema, type ExtractorsFile } from './extractor-config.ts';

/** The shipped configuration, beside this file. */
export const DEFAULT_EXTRACTORS_CONFIG = new URL('./extractors.json', import.meta.url);

/** Reads and validates an extractors file; throws an Error naming the file and the first problem. */
export function loadExtractorsFile(path: string | URL = DEFAULT_EXTRACTORS_CONFIG): ExtractorsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the extractors config ${String(path)}: ${(error as Error).message}`);
  }
  const parsed = extractorsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The extractors config ${String(path)} is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message}`);
  }
  return parsed.data;
}
