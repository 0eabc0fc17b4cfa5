// react.mjs: the hook in react-querybuilder, rendered on the server (react-dom
// /server), run by go test ./js once react, react-dom and react-querybuilder
// are resolvable beside the installed package. It prints the HTML of a
// <QueryBuilder> given useQueryBuilder's props and a rule group with one
// valid and one invalid rule, and of one given the props of a recq still
// loading.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { QueryBuilder } from "react-querybuilder";
import { load } from "@recq/recq";
import { useQueryBuilder } from "@recq/recq/react";
import { readFileSync } from "node:fs";

const input = JSON.parse(readFileSync(0, "utf8")); // {group, options}
const recq = await load();

let renders = 0;
function Filters({ recq, query }) {
  const props = useQueryBuilder(recq, input.options);
  renders++;
  return h(QueryBuilder, { ...props, query });
}
const loaded = renderToString(h(Filters, { recq, query: input.group }));
const loading = renderToString(h(Filters, { recq: null, query: input.group }));
console.log(JSON.stringify({ loaded, loading, renders }));
