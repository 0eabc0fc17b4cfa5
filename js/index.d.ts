// Types of @recq/recq: what each function of the module takes and returns
// (docs/BROWSER.md in the repository; the JSON shapes are those `recq parse`
// and `recq schema` print, which recq keeps stable).

/** A resource of the API: lists (files, transcripts) and one record (file, transcript). */
export type Resource = "files" | "file" | "transcripts" | "transcript";
/** A list the rule-group functions read a group as. */
export type ListResource = "files" | "transcripts";
/** The response format: the path's suffix. */
export type Format = "xml" | "json" | "csv";
export type Method = "GET" | "DELETE";

/** A fault's code: stable, unlike its message and hint. */
export type Code =
  | "too-long" | "bad-method" | "unknown-resource" | "bad-format" | "bad-path" | "query-not-allowed"
  | "bad-encoding" | "missing-name" | "missing-value" | "empty-value" | "unknown-variable"
  | "duplicate-variable" | "bad-date" | "bad-date-part" | "mixed-forms" | "decimal-comma"
  | "plus-as-space" | "unsupported-date-form" | "bad-range" | "reversed-range" | "unknown-zone"
  | "bad-page" | "bad-json" | "bad-query" | "unsupported-rule" | "too-many-faults"
  | "unauthorized" | "not-found" | "overloaded" | "internal";

/** A stretch of the request: [start, end) in bytes (span) or in UTF-16 units (utf16). */
export interface Span {
  start: number;
  end: number;
}

/** One fault of a refused request or query, as `recq parse` prints it. */
export interface Fault {
  code: Code;
  /** The variable at fault (d, tz, agentID, …), or path, method, json, … */
  variable: string;
  /** For a Query's JSON form: the key at fault. */
  path?: string;
  /** The byte offset in the variable's value, or -1 for the whole variable. */
  pos: number;
  /** Where in the request, in bytes. */
  span: Span;
  /** Where in the request, in UTF-16 units: what a JavaScript string's indexes count. */
  utf16: Span;
  message: string;
  hint?: string;
  /** Replacements for the value, best first (possibly none). */
  suggestions: string[];
}

/** A refusal: the first fault, and all of them. */
export interface Refusal<F = Fault> {
  error: F;
  errors: F[];
}

/** A window of time: from, up to but not including, to (RFC 3339 in the zone). */
export interface Window {
  from: string;
  to: string;
}

/** Something a request said that was accepted but ignored or read generously. */
export interface Warning {
  variable: string;
  message: string;
}

/** An accepted request, as `recq parse` prints it. */
export interface Report {
  method: Method;
  resource: Resource;
  /** One record's path or interactionGUID. */
  id?: string;
  format: Format;
  /** The canonical request: equal meaning, equal text. */
  canonical: string;
  /** The zone dates were read in: tz, else the tenant's. */
  zone: string;
  d?: Window;
  startDate?: Window;
  finishDate?: Window;
  fields?: Record<string, string>;
  metaData?: { fieldName?: string; fieldValue?: string };
  n: number;
  warnings: Warning[];
}

/** parse's and resolve's answer. */
export type ParseResult = Report | Refusal;

/** A query's JSON form (the Go library's filter.Query), as fromJSON reads it. */
export interface Query {
  method?: Method;
  resource: Resource;
  id?: string;
  format?: Format;
  d?: string;
  tz?: string;
  "start-date"?: string;
  "finish-date"?: string;
  fields?: Record<string, string>;
  metaData?: { fieldName?: string; fieldValue?: string };
  n?: number;
  warnings?: Warning[];
}

/** A query read and checked, with its canonical request. */
export interface Checked {
  query: Query;
  canonical: string;
}

/** react-querybuilder's option: an operator or a value of a select. */
export interface Option {
  name: string;
  value: string;
  label: string;
  [key: string]: unknown;
}

/** react-querybuilder's field (FullField), one per variable. */
export interface Field {
  name: string;
  value: string;
  label: string;
  operators: Option[];
  defaultOperator: string;
  valueEditorType: "text" | "select";
  inputType: "text" | "number";
  /** tz's choices: the zone names. */
  values?: Option[];
  placeholder?: string;
  [key: string]: unknown;
}

/** react-querybuilder's rule. */
export interface Rule {
  id?: string;
  field: string;
  operator: string;
  value: any;
  /** "value"; recq refuses any other. */
  valueSource?: string;
  disabled?: boolean;
}

/** react-querybuilder's rule group (RuleGroupType, or with independent combinators). */
export interface RuleGroup {
  id?: string;
  combinator?: string;
  not?: boolean;
  disabled?: boolean;
  rules: Array<Rule | RuleGroup | string>;
}

/** A rule of a query's rule group: its variable's name as id and field, its value as text (d's range as two). */
export interface QueryRule extends Rule {
  id: string;
  value: string | [string, string];
  valueSource: "value";
}

/** What toRuleGroup writes: one rule per variable, in canonical order, under the group "root". */
export interface QueryRuleGroup extends RuleGroup {
  id: string;
  combinator: "and";
  rules: QueryRule[];
}

/** A fault of a rule group: the rule it names (its id, or its place as a JSON Pointer fragment). */
export interface RuleFault {
  rule: string;
  variable?: string;
  code: Code;
  message: string;
  hint?: string;
  suggestions: string[];
}

/** Why a rule is invalid. */
export interface Reason {
  code: Code;
  message: string;
  hint?: string;
  suggestions: string[];
}

/** One entry of the validation map. */
export interface ValidationResult {
  valid: boolean;
  reasons?: Reason[];
}

/** react-querybuilder's ValidationMap: one entry per rule and group id. */
export type ValidationMap = Record<string, ValidationResult>;

/** A variable of the API, as the schema describes it. */
export interface SchemaVariable {
  name: string;
  kind: string;
  description: string;
  caseSensitive?: boolean;
  toleranceSeconds?: number;
  field?: string;
  valueKind?: string;
  min?: number;
  max?: number;
  default?: number;
  examples?: string[];
}

/** A field of a record, and the variables that match it. */
export interface SchemaField {
  name: string;
  kind: string;
  match: string;
  variables?: string[];
  note?: string;
}

export interface SchemaResource {
  name: Resource;
  path: string;
  methods: Method[];
  formats: Format[];
  description: string;
  variables: SchemaVariable[] | null;
  fields: SchemaField[] | null;
}

export interface DateForm {
  name: string;
  grammar: string;
  examples: string[];
  meaning: string;
}

export interface CodeInfo {
  code: Code;
  status: number;
  meaning: string;
}

export interface Limits {
  requestLength: number;
  nMin: number;
  nMax: number;
  pageSize: number;
  relativeDays: number;
  idLength: number;
  toleranceSeconds: number;
}

/** What `recq schema` prints: the API's query language as data. */
export interface Schema {
  version: number;
  resources: SchemaResource[];
  dateForms: DateForm[];
  zones: string[];
  codes: CodeInfo[];
  limits: Limits;
}

/** The clock and zone of a call: the caller's, since the module reads none of its own but the default. */
export interface ClockOptions {
  /** The reading of today: a Date, RFC 3339 text or milliseconds since 1970. Default: the runtime's clock. */
  now?: Date | string | number;
  /** The zone of dates without tz. Default "UTC". */
  tenantZone?: string;
}

/** What a rule group is read as. */
export interface GroupOptions {
  /** Default "files". */
  resource?: ListResource;
  /** Default "xml". */
  format?: Format;
}

/** The module's functions, from load. A misuse (bad options) throws; a refused query is an answer. */
export interface Recq {
  parse(method: Method, target: string, options?: ClockOptions): ParseResult;
  schema(): Schema;
  fields(resource?: ListResource): Field[];
  fromJSON(query: Query | string): Checked | Refusal;
  canonical(query: Query | string): { canonical: string } | Refusal;
  resolve(query: Query | string, options?: ClockOptions): ParseResult;
  toRuleGroup(query: Query | string): QueryRuleGroup | Refusal;
  fromRuleGroup(group: RuleGroup | string, options?: GroupOptions): Checked | Refusal<RuleFault>;
  validateRuleGroup(group: RuleGroup | string, options?: GroupOptions): ValidationMap;
}

/** Where the module is: a URL, a Response, its bytes (plain or gzip'd), or a compiled module; in node also a file's path. */
export type Source =
  | string
  | URL
  | Response
  | PromiseLike<Response>
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module;

/**
 * load starts the module and returns its functions. Without a source it
 * loads the package's own recq.wasm.gz. Start one and keep it.
 */
export function load(source?: Source): Promise<Recq>;

/** <QueryBuilder>'s props from recq: spread them, <QueryBuilder {...props} />. */
export interface QueryBuilderProps {
  fields: Field[];
  validator: (query: RuleGroup) => boolean | ValidationMap;
}

/** queryBuilderProps returns {fields, validator} for react-querybuilder; recq may be null while it loads. */
export function queryBuilderProps(recq: Recq | null, options?: GroupOptions): QueryBuilderProps;

/** True when a result is a refusal. */
export function isRefusal<T extends object>(result: T | Refusal<any>): result is Refusal<any>;
