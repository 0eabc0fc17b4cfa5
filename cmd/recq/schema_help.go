package main

func init() {
	helps["schema"] = helpText{
		usage: "recq schema [--for react-querybuilder|json-schema] [--resource files|transcripts]",
		about: `Prints the query language as one JSON object: its version, resources (each with
its formats, variables and fields), date forms, zones, fault codes and limits,
for programs and query builders that build requests.`,
		flags: `  --for react-querybuilder|json-schema
      react-querybuilder: its fields array for the variables of --resource;
      json-schema: the JSON Schema (draft 2020-12) of a Query's JSON form
  --resource files|transcripts
      the resource of --for react-querybuilder (default files)
  -h, --help
      print this help
`,
		more: `Exit status:
  0  the schema is printed on standard output
  1  a usage error

Examples:
  recq schema
  recq schema --for react-querybuilder --resource transcripts
  recq schema --for json-schema
`,
	}
}
