import { parseMarker } from './marker';
import { compileRule, FieldRule } from './rule';
import { decideFieldUpdate, FieldDecision, groupByRepository, IncomingRef, RefPool } from './update';

/** What a marked field becomes: the decision (and, when it changes, the message saying so), or why its marker is invalid. */
export type FieldOutcome = { ok: true; decision: FieldDecision; message: string } | { ok: false; error: string };

type RuleOutcome = { ok: true; rule: FieldRule } | { ok: false; error: string };

/**
 * Decides marked fields against one run's incoming references. Both steps are pure, and a
 * repository's manifests repeat the same markers and images many times, so each marker text is
 * compiled once and each (marker text, value) pair decided once; field paths are kept once too.
 */
export class FieldDecider {
  private readonly paths = new Map<string, string>();

  /** One string for each distinct field path, shared by all the results that name it. */
  internPath(path: string): string {
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    this.paths.set(path, path);
    return path;
  }

  private readonly rules = new Map<string, RuleOutcome>();
  private readonly outcomes = new Map<string, FieldOutcome>();

  private readonly refs: RefPool;

  constructor(refs: readonly IncomingRef[]) {
    this.refs = groupByRepository(refs);
  }

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
      if (rule.ok) {
        const decision = decideFieldUpdate(value, rule.rule, this.refs);
        outcome = { ok: true, decision, message: `updated image ref ${JSON.stringify(value)} to ${JSON.stringify(decision.value)}` };
      } else {
        outcome = { ok: false, error: `invalid marker: ${rule.error}` };
      }
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
}
