// @recq/recq/react: recq in react-querybuilder, as one hook. Only this entry
// imports react; the package's main entry needs none.
import { useMemo } from "react";
import { queryBuilderProps } from "./props.js";

/**
 * useQueryBuilder returns <QueryBuilder>'s {fields, validator} for recq (as
 * load gives it, or null while it loads: no fields, every query valid), a
 * resource ("files" or "transcripts") and the format the query will be
 * asked in; the same object from render to render while recq, resource and
 * format are.
 *
 *   const props = useQueryBuilder(recq, { resource: "files", format: "json" });
 *   return <QueryBuilder {...props} query={query} onQueryChange={setQuery} />;
 */
export function useQueryBuilder(recq, { resource = "files", format = "xml" } = {}) {
  return useMemo(() => queryBuilderProps(recq, { resource, format }), [recq, resource, format]);
}
