package main

func init() {
	helps["schema"] = helpText{
		usage: "recq schema [--for react-querybuilder|json-schema] [--resource files|transcripts]",
		about: `Prints the query language as one JSON object: its version, resources (each with
its formats, variables and fields), date forms, zones, fault codes and limits,
for programs and query builders that build requests.`,
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
