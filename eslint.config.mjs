// Lints the Figma sandbox (plugin/) with Figma's own rules (@figma/eslint-plugin-figma-plugins:
// deprecated and dynamic-page-unsafe API, sync calls that have async replacements…), which need
// type information, hence typed linting against plugin/tsconfig.json. Run by `npm test`.
import * as figmaPlugin from '@figma/eslint-plugin-figma-plugins';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['plugin/**/*.ts'],
    // Tests drive the fake and may call what the plugin must not; the plugin's own code may not.
    ignores: ['plugin/**/*.test.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './plugin/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, '@figma/figma-plugins': figmaPlugin },
    rules: {
      ...figmaPlugin.flatConfigs.recommended.rules,
      // A floating promise in the sandbox is an error no one sees.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
