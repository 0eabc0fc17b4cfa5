// props.js: react-querybuilder's fields and validator from a loaded recq,
// without React (react.js makes a hook of it).

/**
 * queryBuilderProps returns the props that wire recq into
 * react-querybuilder's <QueryBuilder>: {fields, validator}, for a resource
 * ("files" or "transcripts") and the format the query will be asked in
 * ("xml", "json" or "csv"). Spread them: <QueryBuilder {...props} />.
 * recq may be null while the module loads: no fields yet, and every query
 * valid.
 */
export function queryBuilderProps(recq, { resource = "files", format = "xml" } = {}) {
  if (!recq) return { fields: [], validator: () => true };
  return {
    fields: recq.fields(resource),
    validator: (query) => recq.validateRuleGroup(query, { resource, format }),
  };
}

/** isRefusal reports whether an answer is a refusal, {error, errors}. */
export function isRefusal(result) {
  return result !== null && typeof result === "object" && "error" in result && Array.isArray(result.errors);
}
