package server_test

import (
	"fmt"
	"time"

	"github.com/recq/recq/server"
)

// The http.Server that recq serve runs: the handler with the bounds of
// docs/SERVING.md (HTTP/2 streams per connection, timeouts, the slot count
// of each connection through ConnContext).
func ExampleServer_HTTPServer() {
	s := server.New(server.Config{Tenant: "acme", Token: "secret", Clock: time.Now})
	srv := s.HTTPServer(nil) // then srv.ListenAndServeTLS or srv.Serve(listener)
	fmt.Println(srv.HTTP2.MaxConcurrentStreams, srv.ConnContext != nil, srv.ReadHeaderTimeout)
	// Output: 16 true 10s
}
