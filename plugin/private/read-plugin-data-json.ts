import type { ZodMiniType } from 'zod/mini';
import { getChorusData } from './chorus-plugin-data.ts';

/**
 * The JSON stored under `key` on `owner`, parsed with `schema`; undefined when the key is absent.
 * What does not parse (another Chorus version, a damaged file) is reported on the console with
 * `warning` and also gives undefined: plugin data is an input from outside this run too.
 */
export function readPluginDataJson<T>(owner: PluginDataMixin, key: string, schema: ZodMiniType<T>, warning: string): T | undefined {
  const text = getChorusData(owner, key);
  if (text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(warning);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.warn(warning);
    return undefined;
  }
  return parsed.data;
}
