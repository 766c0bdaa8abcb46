import { embeddedFieldPath, formatFieldPath, isBareKey } from '../markers/field-path';
import type { PathSegment } from '../yaml/lite-tree';
import { parseMarker } from '../markers/marker';
import { FlowScalarStyle, renderScalar } from '../output/scalar-style';
import { compileRule, FieldRule } from './rule';
import { decideFieldUpdate, FieldDecision, groupByRepository, IncomingRef, RefPool } from './decide';
import type { Parsed } from '../parsed';

/** What a marked field becomes: the decision (and, when it changes, the message saying so), or why its marker is invalid. */
/** What a field's marker decides, and the message of its result when it changes the field. */
export interface FieldChange {
  decision: FieldDecision;
  message: string;
}

export type FieldOutcome = Parsed<FieldChange>;

type RuleOutcome = Parsed<FieldRule>;

/**
 * Decides marked fields against one run's incoming references. Every step is pure, and a
 * repository's manifests repeat the same markers, keys and images many times, so each marker text
 * is compiled once, each (marker text, value) pair decided once and each new value rendered once
 * per style; field paths are kept once too.
 */
export class FieldDecider {
  private readonly paths = new Map<string, string>();
  private readonly bareKeys = new Map<string, boolean>();
  private readonly isBareKey = (key: string): boolean => {
    let bare = this.bareKeys.get(key);
    if (bare === undefined) {
      bare = isBareKey(key);
      this.bareKeys.set(key, bare);
    }
    return bare;
  };

  /**
   * The field path of these segments (formatFieldPath), inside the YAML embedded in the block scalar
   * at `embeddedIn` when given; one string for each distinct path, shared by all the results that name it.
   */
  fieldPath(segments: readonly PathSegment[], embeddedIn?: string): string {
    const inner = formatFieldPath(segments, this.isBareKey);
    const path = embeddedIn === undefined ? inner : embeddedFieldPath(embeddedIn, inner);
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    this.paths.set(path, path);
    return path;
  }

  /** One map per scalar style and flow context, from a new value to its source text (renderScalar). */
  private readonly renderings = new Map<string, Map<string, string>>();

  /** renderScalar, each answer remembered. */
  render(value: string, style: FlowScalarStyle, inFlow: boolean): string {
    const kind = inFlow ? `${style} in flow` : style;
    let rendered = this.renderings.get(kind);
    if (rendered === undefined) {
      rendered = new Map();
      this.renderings.set(kind, rendered);
    }
    let text = rendered.get(value);
    if (text === undefined) {
      text = renderScalar(value, style, inFlow);
      rendered.set(value, text);
    }
    return text;
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
      rule = marker.ok ? compileRule(marker.value) : marker;
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
        const decision = decideFieldUpdate(value, rule.value, this.refs);
        outcome = { ok: true, value: { decision, message: `updated image ref ${JSON.stringify(value)} to ${JSON.stringify(decision.value)}` } };
      } else {
        outcome = { ok: false, error: `invalid marker: ${rule.error}` };
      }
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }
}
