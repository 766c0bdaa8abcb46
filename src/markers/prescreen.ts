import type { Unit, UnitIndex } from '../yaml/split';

/**
 * The cheap pre-screen for marker text, the one place that knows it: every marker, a comment
 * (`# kobold:`) or the annotation (`kobold/markers`), contains MARKER_HINT, so input without it has
 * nothing to do, and a unit without it is neither read nor checked.
 */
export const MARKER_HINT = 'kobold';

/** The annotation that carries rules for pipelines that drop comments (SPEC §3b); its name holds the marker text. */
export const MARKERS_ANNOTATION = `${MARKER_HINT}/markers`;

/** Whether input, text or bytes, holds the marker text at all: input without it is not decoded or read. */
export function hasMarkerText(input: string | Uint8Array): boolean {
  const search = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return search.includes(MARKER_HINT);
}

/**
 * Calls `visit` for each unit that holds marker text, in order, saying whether the annotation's
 * name is among its marker texts (then annotation rules may point anywhere in it). From one
 * occurrence of the marker text to the next, to the unit that holds it: a unit without one is not
 * even visited, which matters when thousands are.
 */
export function forEachUnitWithMarkerText(source: string, units: UnitIndex, visit: (unit: Unit, annotated: boolean) => void): void {
  let at = units.firstStart < 0 ? -1 : source.indexOf(MARKER_HINT, units.firstStart);
  while (at >= 0) {
    const unit = units.unitHolding(at, at + MARKER_HINT.length);
    if (unit === null) {
      at = source.indexOf(MARKER_HINT, at + 1);
      continue;
    }
    // The unit's marker texts, up to the first one after it: the annotation's name starts with one.
    let annotated = false;
    for (; at >= 0 && at < unit.end; at = source.indexOf(MARKER_HINT, at + 1)) {
      if (source.startsWith(MARKERS_ANNOTATION, at) && at + MARKERS_ANNOTATION.length <= unit.end) annotated = true;
    }
    visit(unit, annotated);
  }
}
