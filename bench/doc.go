// Package bench measures recq side by side with its peers (time.Parse,
// relvacode/iso8601, net/url) on the same inputs. It is a module of its own
// so that the peers never enter recq's go.mod. Run it with
//
//	cd bench && go test -run '^$' -bench . -benchmem -count 10 | tee new.txt
//	go run golang.org/x/perf/cmd/benchstat new.txt
package bench
