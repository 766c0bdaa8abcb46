import { parseIncomingReference } from '../match/reference';
import { Problem } from '../problem';
import { PushedImage } from './format';

/**
 * The references of a payload's pushes (SPEC §9): each a valid image reference (else a warning, and
 * it is left out), in payload order, exact duplicates once; of several digests of one repository
 * and tag, the image index or manifest list, or without one the last.
 */
export function selectReferences(pushes: readonly PushedImage[]): { references: string[]; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const valid: { push: PushedImage; tagKey: string }[] = [];
  for (const push of pushes) {
    const parsed = parseIncomingReference(push.reference);
    if (parsed.ok) valid.push({ push, tagKey: `${parsed.value.ref.contextName}:${parsed.value.tag}` });
    else warnings.push({ code: 'INVALID_PUSHED_REFERENCE', problem: `${JSON.stringify(push.reference)} from the payload is not a valid image reference (${parsed.error}): left out`, place: {} });
  }
  const chosen = new Map<string, PushedImage>();
  for (const { push, tagKey } of valid) {
    const current = chosen.get(tagKey);
    if (current === undefined || push.index || !current.index) chosen.set(tagKey, push);
  }
  const references = new Set<string>();
  for (const { push, tagKey } of valid) if (chosen.get(tagKey)!.reference === push.reference) references.add(push.reference);
  return { references: [...references], warnings };
}
