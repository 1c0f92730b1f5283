/**
 * The building blocks of the format's definition: one node per kind of value
 * (text, enum, number, expression, number-or-distribution, list, record,
 * object, objects discriminated by `kind`), and `Infer`, the TypeScript type a
 * node describes. The definition itself (`scenario.ts` and the files it
 * imports) is plain data made of these nodes; the JSON Schema, the validator,
 * the range checks and the form read it.
 */
import type { ScenarioLimits } from '../limits.js';
import type { DistributionSpec } from './distribution.js';
import type { RangeSpec } from './range.js';

/** Documentation carried by a field: the schema's description and the form's hint. */
export interface FieldDoc {
  /** What the field means, for the JSON Schema (editor completion) and the README. */
  readonly doc: string;
  /** Short help under the field in the UI form (default: none). */
  readonly hint?: string;
  /** What is allowed, said when the field is missing (default: the node's own `allowed`). */
  readonly missing?: string;
  /** The value an optional field takes when it is left out (JSON Schema `default`; `resolveScenario` fills it in). */
  readonly default?: string | number | boolean;
}

/** A text field. */
export interface TextNode {
  readonly type: 'text';
  /** Tabs and line breaks allowed (descriptions, notes). */
  readonly multiLine?: boolean;
  /** Refuses an empty or all-blank text. */
  readonly nonBlank?: boolean;
  /** Refuses an empty text (blank is fine). */
  readonly nonEmpty?: boolean;
  /** Longest text, in UTF-16 units. */
  readonly maxLength?: number;
  /** A pattern the text must match (JSON Schema; checks with their own messages use it too). */
  readonly pattern?: RegExp;
  /** Texts that are not allowed (JSON Schema `not.enum`). */
  readonly forbidden?: readonly string[];
  /** Also accepts a finite number (a seed). */
  readonly orNumber?: boolean;
  /** What is allowed, for messages (default `a string`). */
  readonly allowed?: string;
}

/** One of a fixed set of strings or numbers. */
export interface EnumNode<V extends string | number = string | number> {
  readonly type: 'enum';
  readonly values: readonly V[];
  /** What is allowed, for messages (default `one of "a", "b"`). */
  readonly allowed?: string;
  /** Name of the JSON Schema `$defs` entry that holds the list, with its description. */
  readonly ref?: { readonly name: string; readonly doc: string };
  /** How a form names each choice (default: the value itself). */
  readonly names?: { readonly [value: string]: string };
}

/** Exactly this string (a version, a variant's `kind`). */
export interface ConstNode<V extends string = string> {
  readonly type: 'const';
  readonly value: V;
}

/** `true` or `false`. */
export interface BooleanNode {
  readonly type: 'boolean';
}

/** A literal JSON number (no expression): replicates, bounds of `expect`. */
export interface NumberNode {
  readonly type: 'number';
  readonly range: RangeSpec;
}

/** A number or a mathjs expression over the names in `let`. */
export interface ExpressionNode {
  readonly type: 'expression';
  /** The range of the evaluated value (checked by `resolveScenario`); none for `let` and CI limits. */
  readonly range?: RangeSpec;
}

/** A number, an expression, or a distribution (an uncertain parameter). */
export interface ParamNode {
  readonly type: 'param';
  /** The range of the value, or of the distribution's centre. */
  readonly range: RangeSpec;
}

/** A list of values of one kind. */
export interface ListNode<I extends Node = Node> {
  readonly type: 'list';
  readonly item: I;
  readonly minItems?: number;
  /** Most items: a number, or the name of a limit of the run. */
  readonly maxItems?: number | LimitName;
  /** Items must differ. */
  readonly unique?: boolean;
  /** What is allowed, for messages (a function when it names a limit of the run). */
  readonly allowed: string | ((limits: ScenarioLimits) => string);
  /** Description of one item (JSON Schema). */
  readonly itemDoc?: string;
}

/** An object whose keys are names chosen by the author (arm ids, `let` names, sweep paths). */
export interface RecordNode<V extends Node = Node> {
  readonly type: 'record';
  readonly value: V;
  /** What a key may be (JSON Schema `propertyNames`). */
  readonly keys?: { readonly pattern?: RegExp; readonly maxLength?: number; readonly not?: readonly string[] };
  readonly minProperties?: number;
  /** Most keys: a number, or the name of a limit of the run. */
  readonly maxProperties?: number | LimitName;
  /** What is allowed, for messages. */
  readonly allowed: string;
  /** Description of one value (JSON Schema). */
  readonly valueDoc?: string;
}

/** One field of an object: its node, whether it is required, and its documentation. */
export interface Field<N extends Node = Node, R extends boolean = boolean> extends FieldDoc {
  readonly node: N;
  readonly required: R;
}

/** The fields of an object, in the order they are listed (messages, schema, form). */
export type Fields = { readonly [key: string]: Field };

/** An object with known keys. */
export interface ObjectNode<F extends Fields = Fields> {
  readonly type: 'object';
  readonly fields: F;
  /** What is allowed when the value is not an object, e.g. `an object {"id", "label"?, "control"?}`. */
  readonly allowed: string;
  /** How key messages name it: `a key of <what>: id, label, control`. */
  readonly what: string;
  /** Order in which fields are checked, when it differs from `fields` (a field another depends on first). */
  readonly order?: readonly string[];
  /** What is allowed when the object has no key at all (an empty object would mean nothing). */
  readonly nonEmpty?: string;
  /** Description when the object is a JSON Schema `$defs` entry or a variant. */
  readonly doc?: string;
  /** Name of the JSON Schema `$defs` entry, when it has one. */
  readonly ref?: string;
  /** How a form names this object when it is a variant, e.g. `Parallel groups`. */
  readonly title?: string;
}

/** Objects discriminated by their `kind` (design kinds, endpoint kinds). */
export interface VariantsNode<V extends { readonly [kind: string]: ObjectNode } = { readonly [kind: string]: ObjectNode }> {
  readonly type: 'variants';
  readonly variants: V;
  /** The noun of a variant, for messages: `a parallel design`, `"categories" is used only by ordinal endpoints`. */
  readonly noun: string;
  /** What is allowed when the value is not an object. */
  readonly allowed: string;
  /** Order in which fields are checked (over all variants). */
  readonly order?: readonly string[];
  readonly doc: string;
  readonly ref: string;
  /** JSON Schema `$defs` entry of the list of kinds. */
  readonly kindRef: { readonly name: string; readonly doc: string; readonly fieldDoc: string };
}

/** Exactly one of several objects (`fromCI`: an explicit interval or an evidence id). */
export interface AlternativesNode<A extends readonly ObjectNode[] = readonly ObjectNode[]> {
  readonly type: 'alternatives';
  readonly options: A;
  readonly allowed: string;
  readonly doc: string;
}

/** Any node of the definition. */
export type Node =
  | TextNode
  | EnumNode
  | ConstNode
  | BooleanNode
  | NumberNode
  | ExpressionNode
  | ParamNode
  | ListNode
  | RecordNode
  | ObjectNode
  | VariantsNode
  | AlternativesNode;

/** The name of a limit of the run (`maxN`, `maxArms`, …). */
export type LimitName = keyof ScenarioLimits;

/** A literal number or a mathjs expression over the names in `let`, e.g. `"delta / sd"`. */
export type Expression = number | string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K]['required'] extends true ? K : never }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** The object type described by `fields`. */
export type InferFields<F extends Fields> = Simplify<
  { -readonly [K in RequiredKeys<F>]: Infer<F[K]['node']> } & { -readonly [K in OptionalKeys<F>]?: Infer<F[K]['node']> }
>;

/**
 * The TypeScript type of the values a node accepts: the scenario file's types
 * are inferred from the definition, so they cannot drift from what is checked.
 */
export type Infer<N> = N extends TextNode
  ? N extends { orNumber: true }
    ? string | number
    : string
  : N extends EnumNode<infer V>
    ? V
    : N extends ConstNode<infer V>
      ? V
      : N extends BooleanNode
        ? boolean
        : N extends NumberNode
          ? number
          : N extends ExpressionNode
            ? Expression
            : N extends ParamNode
              ? Expression | DistributionSpec
              : N extends ListNode<infer I>
                ? Infer<I>[]
                : N extends RecordNode<infer V>
                  ? Record<string, Infer<V>>
                  : N extends ObjectNode<infer F>
                    ? InferFields<F>
                    : N extends VariantsNode<infer V>
                      ? { [K in keyof V]: InferFields<V[K]['fields']> }[keyof V]
                      : N extends AlternativesNode<infer A>
                        ? Infer<A[number]>
                        : never;

/** What a list allows, under the limits of the run. */
export function listAllowed(node: ListNode, limits: ScenarioLimits): string {
  return typeof node.allowed === 'function' ? node.allowed(limits) : node.allowed;
}

/** A required field. */
export function required<const N extends Node>(node: N, doc: FieldDoc): Field<N, true> {
  return { ...doc, node, required: true };
}

/** An optional field. */
export function optional<const N extends Node>(node: N, doc: FieldDoc): Field<N, false> {
  return { ...doc, node, required: false };
}

/** A text field (`a string` unless `allowed` says otherwise). */
export function text(options: Omit<TextNode, 'type' | 'orNumber'> = {}): TextNode {
  return { type: 'text', ...options };
}

/** A text that may also be a finite number (a seed). */
export function textOrNumber(options: Omit<TextNode, 'type' | 'orNumber'>): TextNode & { orNumber: true } {
  return { type: 'text', ...options, orNumber: true };
}

/** One of `values`. */
export function oneOf<const V extends string | number>(
  values: readonly V[],
  options: Omit<EnumNode<V>, 'type' | 'values'> = {},
): EnumNode<V> {
  return { type: 'enum', values, ...options };
}

/** Exactly `value`. */
export function constant<const V extends string>(value: V): ConstNode<V> {
  return { type: 'const', value };
}

/** `true` or `false`. */
export function boolean(): BooleanNode {
  return { type: 'boolean' };
}

/** A literal number within `range`. */
export function number(range: RangeSpec): NumberNode {
  return { type: 'number', range };
}

/** A number or an expression, whose value must lie within `range` (when given). */
export function expression(range?: RangeSpec): ExpressionNode {
  return range === undefined ? { type: 'expression' } : { type: 'expression', range };
}

/** A number, an expression or a distribution, whose value (or centre) must lie within `range`. */
export function param(range: RangeSpec): ParamNode {
  return { type: 'param', range };
}

/** A list of `item`. */
export function list<const I extends Node>(item: I, options: Omit<ListNode<I>, 'type' | 'item'>): ListNode<I> {
  return { type: 'list', item, ...options };
}

/** An object keyed by names the author chooses, each holding a `value`. */
export function record<const V extends Node>(value: V, options: Omit<RecordNode<V>, 'type' | 'value'>): RecordNode<V> {
  return { type: 'record', value, ...options };
}

/** An object with the given fields. */
export function object<const F extends Fields>(fields: F, options: Omit<ObjectNode<F>, 'type' | 'fields'>): ObjectNode<F> {
  return { type: 'object', fields, ...options };
}

/** Objects discriminated by their `kind` field. */
export function variants<const V extends { readonly [kind: string]: ObjectNode }>(
  of: V,
  options: Omit<VariantsNode<V>, 'type' | 'variants'>,
): VariantsNode<V> {
  return { type: 'variants', variants: of, ...options };
}

/** Exactly one of `options`. */
export function alternatives<const A extends readonly ObjectNode[]>(
  options: A,
  about: Omit<AlternativesNode<A>, 'type' | 'options'>,
): AlternativesNode<A> {
  return { type: 'alternatives', options, ...about };
}
