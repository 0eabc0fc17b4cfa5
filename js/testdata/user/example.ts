// example.ts: every export of @recq/recq and @recq/recq/react, used as
// their types say, and their answers given to react-querybuilder's own
// types. go test ./js runs tsc --noEmit on it in a project that installed
// the packed tarball; it is never run.
import { load, queryBuilderProps, isRefusal } from "@recq/recq";
import type {
  Checked, ClockOptions, Code, CodeInfo, DateForm, Fault, Field, Format, GroupOptions, Limits,
  ListResource, Method, Option, ParseResult, Query, QueryBuilderProps, Reason, Recq, Refusal,
  QueryRule, QueryRuleGroup, Report, Resource, Rule, RuleFault, RuleGroup, Schema, SchemaField, SchemaResource,
  SchemaVariable, Source, Span, ValidationMap, ValidationResult, Warning, Window,
} from "@recq/recq";
import { useQueryBuilder } from "@recq/recq/react";
import type * as RQB from "react-querybuilder";

export async function example(buffer: ArrayBuffer, response: Response): Promise<void> {
  const sources: Source[] = ["/recq.wasm.gz", new URL("https://example.com/recq.wasm"), response, Promise.resolve(response), buffer, new Uint8Array(buffer), await WebAssembly.compile(buffer)];
  const recq: Recq = await load(sources[0]);
  await load();

  const method: Method = "GET";
  const clock: ClockOptions = { now: new Date(), tenantZone: "America/Denver" };
  const parsed: ParseResult = recq.parse(method, "/files?d=today", clock);
  recq.parse("DELETE", "/transcripts/x", { now: 0 });
  recq.parse("GET", "/files", { now: "2026-11-25T12:00:00Z" });
  if (isRefusal(parsed)) {
    const refusal: Refusal = parsed;
    const fault: Fault = refusal.error;
    const code: Code = fault.code;
    const span: Span = fault.utf16;
    const text: string = "/files?d=today".slice(span.start, span.end);
    const hint: string | undefined = fault.hint;
    const first: string | undefined = fault.suggestions[0];
    console.log(code, text, hint, first, fault.pos, fault.variable, fault.path, fault.span.end, refusal.errors.length, fault.message);
  } else {
    const report: Report = parsed;
    const resource: Resource = report.resource;
    const format: Format = report.format;
    const d: Window | undefined = report.d;
    const warnings: Warning[] = report.warnings;
    console.log(resource, format, d?.from, d?.to, report.startDate, report.finishDate, report.fields?.agentID,
      report.metaData?.fieldName, report.n, report.canonical, report.zone, report.id, report.method, warnings[0]?.message, warnings[0]?.variable);
  }

  const schema: Schema = recq.schema();
  const resource: SchemaResource = schema.resources[0];
  const variable: SchemaVariable | undefined = resource.variables?.[0];
  const field: SchemaField | undefined = resource.fields?.[0];
  const form: DateForm = schema.dateForms[0];
  const info: CodeInfo = schema.codes[0];
  const limits: Limits = schema.limits;
  console.log(schema.version, schema.zones.length, variable?.kind, field?.match, form.grammar, info.status, limits.pageSize);

  const query: Query = { resource: "files", d: "today-1d,today", fields: { agentID: "bill" }, n: 51 };
  const checked: Checked | Refusal = recq.fromJSON(query);
  if (!isRefusal(checked)) console.log(checked.canonical, checked.query.d);
  recq.fromJSON(JSON.stringify(query));
  const canonical = recq.canonical(query);
  if (!isRefusal(canonical)) console.log(canonical.canonical);
  recq.resolve(query, clock);

  const list: ListResource = "files";
  const fields: Field[] = recq.fields(list);
  const operator: Option = fields[0].operators[0];
  console.log(operator.label, fields[0].values?.length, fields[0].placeholder);
  const made = recq.toRuleGroup(query);
  const group: RuleGroup = isRefusal(made) ? { combinator: "and", rules: [] } : made;
  if (!isRefusal(made)) {
    const exported: QueryRuleGroup = made;
    const first: QueryRule = exported.rules[0];
    const state: RQB.RuleGroupType = exported; // react-querybuilder's query state
    console.log(first.id, first.value, state.rules.length);
  }
  const rule: Rule = { id: "a", field: "agentID", operator: "=", value: "bill", valueSource: "value" };
  group.rules.push(rule);
  const options: GroupOptions = { resource: "files", format: "json" };
  const read: Checked | Refusal<RuleFault> = recq.fromRuleGroup(group, options);
  if (isRefusal(read)) console.log(read.error.rule, read.error.code, read.errors.length);
  const validation: ValidationMap = recq.validateRuleGroup(group, options);
  const result: ValidationResult | undefined = validation["a"];
  const reason: Reason | undefined = result?.reasons?.[0];
  console.log(result?.valid, reason?.code, reason?.message, reason?.hint, reason?.suggestions);

  // What react-querybuilder takes: recq's answers fit its own types.
  const props: QueryBuilderProps = queryBuilderProps(recq, options);
  const rqbFields: RQB.FullField[] = props.fields;
  const rqbField: RQB.Field = fields[0];
  const validator: RQB.QueryValidator = props.validator;
  const rqbGroup: RQB.RuleGroupType = { id: "root", combinator: "and", rules: [{ field: "agentID", operator: "=", value: "bill" }] };
  const rqbMap: RQB.ValidationMap = recq.validateRuleGroup(rqbGroup, options);
  const fromRQB: RuleGroup = rqbGroup;
  queryBuilderProps(null);
  console.log(rqbFields.length, rqbField.name, validator(rqbGroup), rqbMap, fromRQB);
}

// What the types refuse: each line must be an error for tsc, or the types
// have lost their shape (become any).
export function misuses(recq: Recq): void {
  // @ts-expect-error: the API takes GET and DELETE only
  recq.parse("POST", "/files");
  // @ts-expect-error: rule groups are read as a list, not one record
  recq.fields("file");
  // @ts-expect-error: a format is xml, json or csv
  recq.validateRuleGroup({ combinator: "and", rules: [] }, { format: "yaml" });
  const report = recq.parse("GET", "/files");
  // @ts-expect-error: a refusal has no canonical form: narrow with isRefusal first
  console.log(report.canonical);
  // (load's source is not checked so: WebAssembly.Module is an empty
  // interface in TypeScript's lib, which any object satisfies.)
}

// The hook, in a component of the caller's.
export function Filters({ recq }: { recq: Recq | null }): QueryBuilderProps {
  const props = useQueryBuilder(recq, { resource: "transcripts", format: "csv" });
  useQueryBuilder(null);
  return props;
}
