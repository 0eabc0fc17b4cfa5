package encode_test

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/recq/recq/encode"
	"github.com/recq/recq/filter"
)

// genReader makes a text of n records on the fly, each after pad bytes
// of padding that the readers skip (an XML comment, JSON blanks, blank CSV
// lines), and samples the heap every MiB it hands out.
type genReader struct {
	head, tail string
	rec        func(i int) string
	pad        string
	n, i       int
	buf        []byte
	sent       int
	nextSample int
	maxHeap    uint64
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.i == 0 && g.head != "":
			g.buf = append(g.buf, g.head...)
			g.head = ""
		case g.i < g.n:
			g.buf = append(g.buf, g.pad...)
			g.buf = append(g.buf, g.rec(g.i)...)
			g.i++
		case g.tail != "":
			g.buf = append(g.buf, g.tail...)
			g.tail = ""
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	g.sent += n
	if g.sent >= g.nextSample {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		g.maxHeap = max(g.maxHeap, ms.HeapAlloc)
		g.nextSample += 1 << 20
	}
	return n, nil
}

// TestStreaming: a 32 MiB text of small records is read with a heap far
// smaller than the text: the readers hold a record at a time, not the text.
func TestStreaming(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 96 MiB")
	}
	const n, padSize = 3200, 10 << 10
	date := "2007-12-19T19:16:36-08:00"
	gens := map[filter.Format]*genReader{
		filter.XML: {
			head: "<recordings>\n", tail: "</recordings>\n",
			pad: "<!--" + strings.Repeat("x", padSize) + "-->\n",
			rec: func(i int) string {
				return "<file><startDate>" + date + "</startDate><duration>1</duration><filename>" + strconv.Itoa(i) + "</filename></file>\n"
			},
		},
		filter.JSON: {
			head: `{"recordings":{"file":[`, tail: "]}}\n",
			pad: strings.Repeat(" ", padSize),
			rec: func(i int) string {
				sep := ","
				if i == 0 {
					sep = ""
				}
				return sep + `{"startDate":"` + date + `","duration":"1","filename":"` + strconv.Itoa(i) + `"}`
			},
		},
		filter.CSV: {
			head: "startDate,duration,filename\r\n",
			pad:  strings.Repeat("\r\n", padSize/2),
			rec:  func(i int) string { return date + ",1," + strconv.Itoa(i) + "\r\n" },
		},
	}
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			g := gens[f]
			g.n = n
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			base := ms.HeapAlloc
			files, err := encode.ReadFiles(g, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != n {
				t.Fatalf("read %d files, want %d", len(files), n)
			}
			grew := int64(g.maxHeap) - int64(base)
			t.Logf("read %d MiB with the heap grown by at most %.1f MiB", g.sent>>20, float64(grew)/(1<<20))
			if grew > 16<<20 {
				t.Errorf("the heap grew by %d MiB reading %d MiB", grew>>20, g.sent>>20)
			}
		})
	}
}
