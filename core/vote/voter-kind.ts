import { z } from 'zod';

/**
 * What kind of evidence a voter is. Voters of one kind read the same thing the same way (every CV
 * extractor reads the same pixels and shares role inference), so agreement inside a kind is worth
 * less than agreement across kinds. Matches the server's `ExtractorKind`, plus `document`: the
 * selection's own layers (core/document/), which the plugin reads and no server extractor can.
 */
export const voterKindSchema = z.enum(['cv', 'document', 'local-model', 'hosted-model']);
export type VoterKind = z.infer<typeof voterKindSchema>;
