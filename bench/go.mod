module github.com/recq/recq/bench

go 1.26

replace github.com/recq/recq => ../

require (
	github.com/recq/recq v0.0.0-00010101000000-000000000000
	github.com/relvacode/iso8601 v1.8.3
)

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/date/v2 v2.3.1 // indirect
	github.com/rickb777/period v1.0.22 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
)
