// interop.mjs: react-querybuilder's own code on both sides of recq's rule
// groups. Run by TestReactQueryBuilderInterop (go test ./querybuilder), which
// writes recq's fields, exported groups and validation maps on standard
// input and reads the results from standard output, as JSON.
import {
  add, convertToIC, formatQuery, isFullOptionArray, isRuleGroupType,
  prepareRuleGroup, update,
} from "@react-querybuilder/core";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

// Groups built with react-querybuilder's actions, serialized by its
// formatQuery, as a UI would store or send them.
const built = {};
{
  let q = prepareRuleGroup({ combinator: "and", rules: [] });
  q = add(q, { field: "agentID", operator: "=", value: "bill" }, []);
  q = add(q, { field: "d", operator: "between", value: "today-1d,today" }, []);
  q = add(q, { field: "tz", operator: "=", value: "America/Denver" }, []);
  built.yesterdayDenver = formatQuery(q, "json");
  built.yesterdayDenverWithoutIDs = formatQuery(q, "json_without_ids");
  built.independentCombinators = JSON.stringify(convertToIC(q));

  let nested = prepareRuleGroup({ combinator: "and", rules: [] });
  nested = add(nested, { field: "n", operator: "=", value: "51" }, []);
  nested = add(nested, { combinator: "and", rules: [] }, []);
  nested = add(nested, { field: "metaData_fieldName", operator: "contains", value: "Col" }, [1]);
  nested = update(nested, "value", "Color", [1, 0]);
  built.nested = formatQuery(nested, "json");

  let or = update(q, "combinator", "or", []);
  built.or = formatQuery(or, "json");
  built.orRootID = or.id;
  built.dRuleID = q.rules[1].id;

  let not = update(q, "not", true, []);
  built.not = formatQuery(not, "json");

  let other = add(prepareRuleGroup({ combinator: "and", rules: [] }), { field: "agentID", operator: "beginsWith", value: "bi" }, []);
  built.otherOperator = formatQuery(other, "json");
  built.otherOperatorRuleID = other.rules[0].id;
}

// recq's exported groups, loaded and written back by react-querybuilder.
const exported = input.exported.map((g) => {
  const prepared = prepareRuleGroup(g);
  return {
    isRuleGroup: isRuleGroupType(g),
    unchanged: prepared === g && JSON.stringify(prepared) === JSON.stringify(g),
    json: formatQuery(g, "json_without_ids"),
    sql: formatQuery(g, { format: "sql", fields: input.fields }),
  };
});

// recq's validation map as the validator of formatQuery: invalid rules are
// left out of what it writes.
const validated = formatQuery(input.invalid.group, {
  format: "sql",
  fields: input.fields,
  validator: () => input.invalid.validation,
});

const fields = {
  full: isFullOptionArray(input.fields),
  operators: input.fields.every((f) => isFullOptionArray(f.operators)),
  values: input.fields.filter((f) => f.values).every((f) => isFullOptionArray(f.values)),
};

process.stdout.write(JSON.stringify({ built, exported, validated, fields }));
