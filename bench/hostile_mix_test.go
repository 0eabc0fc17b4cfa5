package bench

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/recq/recq/server"
)

// The hostile mix that runs beside the normal clients of the load (issue
// 14): zero-window HTTP/2 streams, a flood without credentials, and the
// tenant's own worst-case queries. Loopback only, bounded in count, and
// stopped when the normal clients are done.
const (
	hostileZeroWindowConns = 4    // of MaxConcurrentStreams streams each
	hostileFlooders        = 4    // clients without credentials
	hostileFloodMax        = 5000 // requests each, at most
	hostileWorstClients    = 2    // clients of worst-case queries
	hostileWorstMax        = 2000 // requests each, at most
)

// worstQueries are requests of about 8 KiB built to cost the most: unknown
// names, a name repeated, a long value, many commas.
var worstQueries = []string{
	"/files.json?" + strings.Repeat("a=&", 2700),
	"/files.json?" + strings.Repeat("agentID=x&", 800),
	"/files.json?agentID=" + strings.Repeat("x", 8000),
	"/files.json?d=" + strings.Repeat(",", 8000),
	"/transcripts.csv?" + strings.Repeat("metaData_fieldName=%00&", 350),
}

// hostility is what runs beside the normal clients of the load.
type hostility int

const (
	quiet        hostility = iota
	hostile                // zero-window streams and a flood without credentials
	hostileWorst           // and worst-case queries of the tenant
)

type hostileMix struct {
	done    chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	flood   map[int]int // statuses
	worst   map[int]int
	streams []*zeroWindow
}

func startHostile(tb testing.TB, addr string, worst bool) *hostileMix {
	h := &hostileMix{done: make(chan struct{}), flood: map[int]int{}, worst: map[int]int{}}
	base := "http://" + addr
	for range hostileZeroWindowConns {
		h.streams = append(h.streams, startZeroWindow(tb, addr, nil, server.MaxConcurrentStreams, "/api/recordings/files.json?n=1"))
	}
	loop := func(max int, statuses map[int]int, next func(i int) *http.Request) {
		h.wg.Go(func() {
			client := plainClient()
			defer client.CloseIdleConnections()
			for i := range max {
				select {
				case <-h.done:
					return
				default:
				}
				res, err := client.Do(next(i))
				if err != nil {
					continue // the server may close a flooder's connection
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				h.mu.Lock()
				statuses[res.StatusCode]++
				h.mu.Unlock()
			}
		})
	}
	for range hostileFlooders {
		loop(hostileFloodMax, h.flood, func(i int) *http.Request {
			req, _ := http.NewRequest("GET", base+"/files.json?agentID=bill&n="+fmt.Sprint(1+i%100), nil)
			if i%2 == 0 {
				req.SetBasicAuth(loadTenant, "wrong-token")
			}
			return req
		})
	}
	for range hostileWorstClients * btoi(worst) {
		loop(hostileWorstMax, h.worst, func(i int) *http.Request {
			req, _ := http.NewRequest("GET", base+worstQueries[i%len(worstQueries)], nil)
			req.SetBasicAuth(loadTenant, loadToken)
			return req
		})
	}
	return h
}

// stop ends the mix, checks its statuses (a flood gets 401 only, worst-case
// queries 200, 400 or 503, nothing gets another 5xx) and says what it did.
func (h *hostileMix) stop(tb testing.TB) string {
	close(h.done)
	h.wg.Wait()
	opened, reset := 0, 0
	for _, z := range h.streams {
		opened += int(z.opened.Load())
		reset += int(z.refused.Load())
		z.conn.Close()
	}
	for code, n := range h.flood {
		if code != http.StatusUnauthorized {
			tb.Errorf("the flood without credentials got %d×%d", n, code)
		}
	}
	for code, n := range h.worst {
		if !slices.Contains([]int{200, 400, 503}, code) {
			tb.Errorf("worst-case queries got %d×%d", n, code)
		}
	}
	return fmt.Sprintf("%d zero-window streams on %d connections (%d reset), a flood without credentials %v, worst-case queries %v",
		opened, len(h.streams), reset, h.flood, h.worst)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
