import { parseReference } from './reference';
import { FieldRule, RefPart } from './rule';

/** An incoming image reference from the functionConfig, already checked. */
export interface IncomingRef {
  /** The reference as the functionConfig gives it. */
  text: string;
  /** The normalised repository (`index.docker.io/library/busybox`), the key for "same repository". */
  contextName: string;
  tag: string;
  /** The digest, or '' when the reference has none. */
  digest: string;
}

/** The incoming references, as a list or grouped by repository (`contextName`), in order. */
export type RefPool = readonly IncomingRef[] | ReadonlyMap<string, readonly IncomingRef[]>;

/** The references grouped by repository, so that a field looks only at those of its own. */
export function groupByRepository(refs: readonly IncomingRef[]): ReadonlyMap<string, readonly IncomingRef[]> {
  const groups = new Map<string, IncomingRef[]>();
  for (const ref of refs) {
    const group = groups.get(ref.contextName);
    if (group) group.push(ref);
    else groups.set(ref.contextName, [ref]);
  }
  return groups;
}

/** What one field becomes after all incoming references were weighed. */
export interface FieldDecision {
  value: string;
  /** The reference whose value the field takes, when it changes. */
  appliedRef?: IncomingRef;
  warnings: string[];
}

/**
 * The reference a field stands for: the value itself, or the value joined to its context. As in
 * kobold, a `part: tag` value that starts with `:` brings its own separator, so `:` stands for the
 * context with no tag (`latest`) and is updated by a matching reference, where `context::` would
 * not parse (the parity records show kobold reading `:` so).
 */
export function currentReferenceText(value: string, part: RefPart, context: string): string {
  if (part === '' || value === '') return part === '' ? value : context;
  if (part === 'digest') return `${context}@${value}`;
  return part === 'tag' && value.startsWith(':') ? `${context}${value}` : `${context}:${value}`;
}

/** The text an incoming reference gives a field of this part, or null when it has none (SPEC D2). */
export function valueForPart(ref: IncomingRef, part: RefPart): string | null {
  switch (part) {
    case '':
      return ref.text;
    case 'tag':
      return ref.tag;
    case 'digest':
      return ref.digest === '' ? null : ref.digest;
    case 'tag+digest':
      return ref.digest === '' ? ref.tag : `${ref.tag}@${ref.digest}`;
  }
}

/** The tag written in a field's value, if it has one: what "the current version" means for D3. */
export function currentTag(value: string, part: RefPart): string | null {
  const name = value.split('@')[0];
  switch (part) {
    case 'tag':
    case 'tag+digest':
      return name;
    case 'digest':
      return null;
    case '': {
      const colon = name.lastIndexOf(':');
      return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : null;
    }
  }
}

/** A reference that would update the field on its own, and the value it would give it. */
interface Candidate {
  ref: IncomingRef;
  tag: string;
  value: string;
}

/**
 * The references that would update the field on their own, in order: same repository, tag
 * accepted by the rule, and a value for the field's part. A reference without the digest that a
 * `part: digest` field needs is reported and passed over (SPEC D2; kobold writes '').
 */
function candidatesFor(contextName: string, rule: FieldRule, refs: RefPool, warnings: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const ref of refs instanceof Map ? refs.get(contextName) ?? [] : (refs as readonly IncomingRef[])) {
    if (ref.contextName !== contextName || !rule.pattern.matches(ref.tag)) continue;
    const value = valueForPart(ref, rule.part);
    if (value === null) {
      warnings.push(`${JSON.stringify(ref.text)} matches but has no digest for this part: digest field`);
    } else {
      candidates.push({ ref, tag: ref.tag, value });
    }
  }
  return candidates;
}

/**
 * Decides the new value of one marked field from its current value, its rule and the incoming
 * references (SPEC §4-5). Pure: warnings are returned, not reported.
 */
export function decideFieldUpdate(value: string, rule: FieldRule, refs: RefPool): FieldDecision {
  const current = parseReference(currentReferenceText(value, rule.part, rule.context));
  if (!current.ok) {
    return { value, warnings: [`the field's value is not an image reference: ${current.error}`] };
  }
  const warnings: string[] = [];
  const candidates = candidatesFor(current.value.contextName, rule, refs, warnings);
  const chosen = rule.pattern.choose(candidates, currentTag(value, rule.part));
  if (chosen === undefined || chosen.value === value) return { value, warnings };
  return { value: chosen.value, appliedRef: chosen.ref, warnings };
}
