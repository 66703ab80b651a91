import type { BuildOptions } from 'esbuild';

export function pluginBuildOptions(root: string, options?: { minify?: boolean }): BuildOptions & { entryPoints: string[]; outfile: string };
