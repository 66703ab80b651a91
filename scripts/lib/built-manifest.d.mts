export interface ManifestSource {
  readonly [field: string]: unknown;
  readonly networkAccess: { readonly allowedDomains: string[]; readonly devAllowedDomains?: string[]; readonly reasoning?: string };
}

export function backendOrigins(backendUrl: string): { http: string; ws: string };
export function builtManifest(source: ManifestSource, backendUrl: string | undefined): ManifestSource & { main: string; ui: string };
export function reachableDomains(manifest: { networkAccess?: { allowedDomains?: string[]; devAllowedDomains?: string[] } }): string[];
