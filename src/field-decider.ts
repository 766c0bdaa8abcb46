import { parseMarker } from './marker';
import { compileRule, FieldRule } from './rule';
import { decideFieldUpdate, FieldDecision, IncomingRef } from './update';

/** What a marked field becomes: the decision, or why its marker is invalid. */
export type FieldOutcome = { ok: true; decision: FieldDecision } | { ok: false; error: string };

type RuleOutcome = { ok: true; rule: FieldRule } | { ok: false; error: string };

/**
 * Decides marked fields against one run's incoming references. Both steps are pure, and a
 * repository's manifests repeat the same markers and images many times, so each marker text is
 * compiled once and each (marker text, value) pair decided once.
 */
export class FieldDecider {
  private readonly rules = new Map<string, RuleOutcome>();
  private readonly outcomes = new Map<string, FieldOutcome>();

  constructor(readonly refs: readonly IncomingRef[]) {}

  private rule(markerText: string): RuleOutcome {
    let rule = this.rules.get(markerText);
    if (rule === undefined) {
      const marker = parseMarker(markerText);
      rule = marker.ok ? compileRule(marker.options) : marker;
      this.rules.set(markerText, rule);
    }
    return rule;
  }

  decide(markerText: string, value: string): FieldOutcome {
    const key = `${markerText}\0${value}`;
    let outcome = this.outcomes.get(key);
    if (outcome === undefined) {
      const rule = this.rule(markerText);
      outcome = rule.ok ? { ok: true, decision: decideFieldUpdate(value, rule.rule, this.refs) } : { ok: false, error: `invalid marker: ${rule.error}` };
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
}
