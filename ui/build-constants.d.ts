/**
 * Set by scripts/build.mjs (esbuild `define`): every origin the built manifest lets the plugin
 * reach (allowedDomains and devAllowedDomains). Only the Figma host reads it.
 */
declare const __CHORUS_REACHABLE_DOMAINS__: readonly string[];
