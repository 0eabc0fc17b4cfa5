// Package server is a local stand-in for the Recordings API
// (docs/LANGUAGE.md §1, §7 and §10): an [http.Handler] that answers every request of the API over a
// [record.Store] or any [recq.Store] (Config.Backend), so that a tool, a
// test or another Go server (which mounts it) can talk to something that
// behaves like the API. Config.Clock is required: the library never reads
// the clock itself.
//
//	s := server.New(server.Config{Store: store, Tenant: "acme", Token: token, Zone: zone, Clock: time.Now})
//	http.ListenAndServeTLS("127.0.0.1:8443", cert, key, s)
//
// A server of one's own, with other routes or other credentials, answers
// the API's requests with [recq.Answer] and [recq.Delete] over a
// [recq.Store], and its refusals with [filter.Status] and the error bodies
// of package encode, as this one does.
//
// # Requests
//
// Every path of docs/LANGUAGE.md §1.1, with or without the /api/recordings prefix:
//
//	GET    /files[.xml|.json|.csv]                list files (a page of 50, n=)
//	DELETE /files/S{yyyymmdd}/R{digits}[.wav]     delete one file
//	GET    /transcripts[.xml|.json|.csv]          list transcripts
//	GET    /transcripts/{interactionGUID}[.xml|.json]  one transcript with its messages
//	DELETE /transcripts/{interactionGUID}         remove its messages
//
// HEAD is answered as GET without a body. A request is checked in this
// order: a CORS preflight from an origin in Config.CORSOrigins (204, without
// credentials; none by default: docs/SERVING.md, "Cross-origin requests"),
// the size of its target and header fields (431), the credentials
// (401, before any slot is taken), the bounds on requests in flight, of the
// server and of the connection (503), the method (405), the request itself
// (404 for an unknown resource, 400 for any other fault), then the store
// (404 for an unknown transcript or file).
//
// # Status codes
//
//	200 OK           a list or one transcript, in the requested format
//	204 No Content   every DELETE that succeeds, and DELETE of an unknown
//	                 transcript (the API document: "the return code will be 204");
//	                 a preflight from a listed origin (Config.CORSOrigins)
//	400 Bad Request  a fault in the path or the query (every fault is listed)
//	401 Unauthorized no or wrong credentials; WWW-Authenticate: Basic realm="recordings"
//	404 Not Found    an unknown resource path (/foo, /Files: the body still
//	                 carries the parser's hint), an unknown transcript on GET,
//	                 an unknown file on DELETE
//	405 Method Not Allowed  a method other than GET, HEAD and DELETE, with
//	                 Allow: GET, HEAD, DELETE (not in the API document's list, but
//	                 400 would misname the fault)
//	500 Internal Server Error  a failure of the server, a panic included:
//	                 it is recovered and logged, the process goes on
//	431 Request Header Fields Too Large  a target and header fields of more
//	                 than MaxHeaderBytes (64 KiB) together
//	503 Service Unavailable  more than Config.MaxInFlight requests at once,
//	                 or Config.MaxInFlightPerConn from one connection, with
//	                 Retry-After: 1
//
// # Error bodies
//
// An error body is written in the format the path's suffix asks for (.json,
// .csv, else XML, also when the suffix itself is at fault), by
// [encode.WriteErrors], and lists every fault with the fields of
// [filter.Error]: the variable ("path", "query", "d", …; "authorization"
// for 401, "method" for 405, "server" for 500 and 503), the 0-based byte
// position in its decoded value (-1 for the whole value), the message, a
// hint ("" when there is none) and the fault's stable code
// ([filter.Code]; [filter.Status] is the status it means).
//
// XML, root errors and one error element per fault; text is escaped only
// where XML needs it (quotes stay as they are):
//
//	<?xml version='1.0' encoding='UTF-8' ?>
//	<errors>
//	  <error>
//	    <variable>d</variable>
//	    <pos>8</pos>
//	    <message>day 30 is out of range: February 2007 has 28 days</message>
//	    <hint></hint>
//	    <code>bad-date-part</code>
//	  </error>
//	</errors>
//
// JSON, as recq parse prints a rejection ([encode.Rejection]): the first
// fault and all of them, each with every key of filter.Error (hint left out
// when empty; spans and suggestions, which only JSON carries):
//
//	{"error":{"variable":"d","pos":8,"message":"…","code":"bad-date-part"},"errors":[{…}]}
//
// CSV (RFC 4180, CRLF), a header and one row per fault, the code last so
// that the first four columns keep their places:
//
//	variable,pos,message,hint,code
//	d,8,day 30 is out of range: February 2007 has 28 days,,bad-date-part
//
// # DELETE of a transcript
//
// DELETE /transcripts/{interactionGUID} removes every message and leaves one
// dummy message (the API document: "the interaction continues to exist (with
// a dummy message)"): messageTime is the server's clock at the deletion,
// messageFrom is "system", and originalLanguage, originalMessage,
// translatedLanguage and translatedMessage are empty. Deleting again
// replaces the dummy with a new one.
//
// # Credentials
//
// HTTP Basic authentication: the tenant name as user, the token as
// password. Both are compared in constant time (as SHA-256 digests, so that
// not even their lengths leak). [Server.RotateToken] and [Server.SetToken]
// replace the token; the old one is refused from the next request on.
//
// # Concurrency and overload
//
// The handler is safe for concurrent use: the store takes its own lock, and
// deletes are visible at once to every later request. At most
// Config.MaxInFlight requests are served at once (64 by default), and at
// most Config.MaxInFlightPerConn of them from one connection (MaxInFlight/8
// by default; the connection is known through [Server.ConnContext]); one
// more is answered 503 with Retry-After: 1 at once rather than queued. A
// response is built whole inside its slot and sent after the slot is
// released, under a write deadline of its own (Config.WriteTimeout), so a
// client that does not read holds no slot. [Server.HTTPServer] returns an
// http.Server with these bounds and HTTP/2's (MaxConcurrentStreams streams
// per connection). docs/SERVING.md says why.
//
// Each request is logged in one structured line on Config.Logger: msg
// "request", method, path (cut at 200 bytes), query (the variables' names
// only: agentID=…&d=…; left out for a request without the credentials),
// status, duration (a time.Duration: nanoseconds in slog's JSON handler),
// bytes (of the body) and remote (the client's address); level Info, Warn
// for 503 and 431, Error for other 5xx, so a handler at level Warn is a
// quiet mode. A recovered panic adds a line "panic" with its value and
// stack. Credentials and the query's values are never logged.
//
// # Sample data
//
// [Sample] generates a realistic data set deterministically from a seed and
// a clock reading: files and transcripts over the 60 days before the clock,
// in the tenant zone, across a daylight-saving change; recq serve serves it
// when no --data is given.
package server
