// interop.mjs: react-querybuilder's own code on both sides of recq's rule
// groups. Run by TestReactQueryBuilderInterop (go test ./querybuilder), which
// writes recq's fields, exported groups and validation maps on standard
// input and reads the results from standard output, as JSON.
import {
  add, convertToIC, formatQuery, isFullOptionArray, isRuleGroupType,
  move, prepareRuleGroup, update,
} from "@react-querybuilder/core";
import initSqlJs from "sql.js";

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

// Nested groups with or and not, built with add, update and move as a UI
// builds them: the issue's "(agentID is bill OR ann) AND duration > 600
// AND startDate since today-7d", then the duration rule moved into a new
// and group that is negated, its operator made <=.
{
  let b = prepareRuleGroup({ combinator: "and", rules: [] });
  b = add(b, { combinator: "or", rules: [] }, []);
  b = add(b, { field: "agentID", operator: "=", value: "bill" }, [0]);
  b = add(b, { field: "agentID", operator: "=", value: "ann" }, [0]);
  b = add(b, { field: "duration", operator: ">", value: "600" }, []);
  b = add(b, { field: "startDate", operator: ">=", value: "today-7d" }, []);
  built.issue = formatQuery(b, "json");

  let m = add(b, { combinator: "and", rules: [] }, []);
  m = move(m, [1], [3, 0]);
  m = update(m, "not", true, [2]);
  m = update(m, "operator", "<=", [2, 0]);
  built.moved = formatQuery(m, "json");
  built.movedSQL = formatQuery(m, "sql");

  let o = update(b, "not", true, [0]);
  o = update(o, "combinator", "or", []);
  built.notOr = formatQuery(o, "json");
}

// recq's exported groups, loaded and written back by react-querybuilder.
const exported = (input.exported || []).map((g) => {
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
const validated = input.invalid && formatQuery(input.invalid.group, {
  format: "sql",
  fields: input.fields,
  validator: () => input.invalid.validation,
});

const fields = {
  full: isFullOptionArray(input.fields),
  operators: input.fields.every((f) => isFullOptionArray(f.operators)),
  values: input.fields.filter((f) => f.values).every((f) => isFullOptionArray(f.values)),
};

// The SQL react-querybuilder writes for each group, run by SQLite on a
// table of the records: the indexes of those it selects. LIKE is made
// case-sensitive, as recq's text comparisons are.
let selected = [];
if (input.sql) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("PRAGMA case_sensitive_like = ON");
  const cols = input.sql.columns;
  db.run(`CREATE TABLE files (i INTEGER, ${cols.map((c) => `${c.name} ${c.type} NOT NULL`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO files VALUES (${["?", ...cols.map(() => "?")].join(", ")})`);
  input.sql.records.forEach((r, i) => insert.run([i, ...cols.map((c) => r[c.name])]));
  insert.free();
  selected = input.sql.groups.map((g) => {
    const where = formatQuery(g, { format: "sql", fields: input.fields });
    const rows = db.exec(`SELECT i FROM files WHERE ${where} ORDER BY i`);
    return { sql: where, rows: rows.length ? rows[0].values.map((v) => v[0]) : [] };
  });
}

process.stdout.write(JSON.stringify({ built, exported, validated, fields, selected }));
