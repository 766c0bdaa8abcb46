import { isSchemeId, SCHEME_IDS, tagScheme, TagPattern } from './schemes';
import { MarkerOptions } from '../markers/marker';
import type { Parsed } from '../parsed';

/** The part of an image reference a field holds: the whole reference, or its tag and/or digest. */
export type RefPart = '' | 'tag' | 'digest' | 'tag+digest';

const REF_PARTS: readonly RefPart[] = ['', 'tag', 'digest', 'tag+digest'];

function isRefPart(part: string): part is RefPart {
  return (REF_PARTS as readonly string[]).includes(part);
}

/** A checked marker: how a field's value is matched against incoming references. */
export interface FieldRule {
  /** The `tag:` pattern, compiled by the scheme its `type:` names. */
  pattern: TagPattern;
  part: RefPart;
  /** The repository the field belongs to; set exactly when `part` is. */
  context: string;
}

export type RuleCompilation = Parsed<FieldRule>;

/**
 * Checks a marker's options as a whole, before any reference is looked at, so that a broken marker
 * is reported on every run and not only when an image for its repository arrives.
 */
export function compileRule(options: MarkerOptions): RuleCompilation {
  const { type, tag: pattern, part, context } = options;
  if (!isRefPart(part)) {
    return { ok: false, error: `unknown part ${JSON.stringify(part)}: use tag, digest or tag+digest, or leave it out for the whole reference` };
  }
  if (part !== '' && context === '') {
    return { ok: false, error: `part: ${part} needs context: the image repository the field belongs to` };
  }
  if (!isSchemeId(type)) {
    return { ok: false, error: `type ${JSON.stringify(type)} is not supported: use ${SCHEME_IDS.join(', ')} (lower case)` };
  }
  const compiled = tagScheme(type).compile(pattern);
  if (!compiled.ok) return compiled;
  return { ok: true, value: { pattern: compiled.value, part, context: part === '' ? '' : context } };
}
