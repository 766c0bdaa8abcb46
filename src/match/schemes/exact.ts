import { lastCandidate, TagScheme } from './scheme';

/** `type: exact`: the tag must equal the pattern; the last match wins. */
export const exactScheme: TagScheme = {
  id: 'exact',
  compile: (pattern) => ({ ok: true, value: { matches: (tag) => tag === pattern, choose: lastCandidate } }),
};
