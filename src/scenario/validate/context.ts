/** What the validator's walk over the definition carries: the input, the issues, and what earlier fields taught. */
import type { DesignKind, EndpointKind } from '../../analysis/catalog.js';
import { asDesignKind } from '../format/design.js';
import { asEndpointKind } from '../format/endpoint.js';
import type { IssueCollector } from '../issues.js';
import type { ScenarioLimits } from '../limits.js';

/** A check that the definition cannot state alone (it depends on other fields or on the evidence library). */
export type RuleCheck = (ctx: Context, value: unknown, path: string, parent: Record<string, unknown>) => void;

/**
 * Checks attached to a field by its pattern (`design.arms`, `sources[].evidence`,
 * `endpoint.arms.*`): `replace` instead of the definition's own check (also
 * when the value is missing), `after` it (when the value is present).
 */
export interface Rule {
  readonly replace?: RuleCheck;
  readonly after?: RuleCheck;
}

/** State of one validation. */
export interface Context {
  /** The scenario being checked (a plain object). */
  readonly root: Record<string, unknown>;
  readonly out: IssueCollector;
  /** Well-formed `let` names, for checking the names used by expressions (set by the `let` rule). */
  names: ReadonlySet<string>;
  readonly limits: ScenarioLimits;
  /** Rules by field pattern. */
  readonly rules: Readonly<Record<string, Rule>>;
  /** The valid `kind` of each section with kinds, by noun (`design`, `endpoint`). */
  readonly kinds: Record<string, string | undefined>;
  /** The arm ids, when every arm has a valid and unique id. */
  armIds?: string[];
  /** The number of ordinal categories, when they are valid. */
  categoryCount?: number;
}

/** The design kind the walk found, when valid. */
export const designKindOf = (ctx: Context): DesignKind | undefined => asDesignKind(ctx.kinds.design);

/** The endpoint kind the walk found, when valid. */
export const endpointKindOf = (ctx: Context): EndpointKind | undefined => asEndpointKind(ctx.kinds.endpoint);
