package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/recq/recq/filter"
	"github.com/recq/recq/timezone"
)

// DefaultBaseURL is where `recq serve` answers by default.
const DefaultBaseURL = "https://127.0.0.1:8443/api/recordings"

// DefaultUserAgent is sent when WithUserAgent is not given.
const DefaultUserAgent = "recq-client/1"

// PageSize is how many records a page of the API holds ([D-5]): a shorter
// page is the last one.
const PageSize = filter.DefaultPageSize

// maxBody bounds one response body; a page of 50 records is far smaller.
const maxBody = 64 << 20

// Client talks to one tenant of the Recordings API. It is safe for
// concurrent use.
type Client struct {
	base   string   // without a trailing slash
	origin *url.URL // the only origin credentials are sent to
	tenant string
	token  string

	hc        *http.Client
	noFollow  *http.Client // hc, following no redirect (do follows them)
	tlsConfig *tls.Config
	userAgent string
	retry     RetryPolicy
	timeout   time.Duration // each request's bound, 0 for none
	sleep     func(context.Context, time.Duration) error
	now       func() time.Time
	jitter    func(time.Duration) time.Duration
	observe   func(Event)

	zoneName   string // "" asks for the tenant's zone
	zone       *time.Location
	tenantZone *time.Location // the tenant's zone when told (never sent), else nil
	wire       filter.Format
	walk       Walk
	// serverFilter sends filter= as it is (WithServerFilter); else a
	// query with a filter is planned (plan.go).
	serverFilter bool
}

// Option sets up a Client.
type Option func(*Client) error

// New returns a client for the API at baseURL (https://host/api/recordings;
// "" is DefaultBaseURL) as tenant with token. It fails when baseURL is not
// an absolute http or https URL or an option is refused.
func New(baseURL, tenant, token string, options ...Option) (*Client, error) {
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, errors.New("client: base URL: " + err.Error())
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("client: base URL " + baseURL + " is not http(s)://host[/path] (such as " + DefaultBaseURL + ")")
	}
	c := &Client{
		base:      strings.TrimSuffix(u.String(), "/"),
		origin:    u,
		tenant:    tenant,
		token:     token,
		userAgent: DefaultUserAgent,
		retry:     DefaultRetryPolicy,
		timeout:   DefaultRequestTimeout,
		sleep:     sleepContext,
		now:       time.Now,
		jitter:    fullJitter,
		zoneName:  "UTC",
		zone:      time.UTC,
		wire:      filter.XML,
		walk:      WalkAuto,
	}
	for _, o := range options {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	switch {
	case c.hc != nil && c.tlsConfig != nil:
		return nil, errors.New("client: WithHTTPClient and a TLS option both given: set the TLS config on your client's transport")
	case c.hc == nil:
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = c.tlsConfig
		tr.MaxIdleConnsPerHost = 4
		c.hc = &http.Client{Transport: tr}
	}
	c.noFollow = noFollow(c.hc)
	return c, nil
}

// WithHTTPClient sends every request with hc (its transport, its TLS set-up
// and its timeouts). Its CheckRedirect is not used: the client follows
// redirects itself, sending credentials only to the base URL's origin
// (docs/CLIENT.md). It cannot be combined with WithTLSConfig,
// WithPinnedCertificate or WithInsecure.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("client: WithHTTPClient(nil)")
		}
		c.hc = hc
		return nil
	}
}

// WithTLSConfig uses cfg for HTTPS (a private CA in RootCAs, a client
// certificate).
func WithTLSConfig(cfg *tls.Config) Option {
	return func(c *Client) error {
		c.tlsConfig = cfg.Clone()
		return nil
	}
}

// WithPinnedCertificate accepts exactly the server certificate cert and no
// other, whoever signed it: for `recq serve`'s self-signed certificate, or
// a server whose certificate is known in advance.
func WithPinnedCertificate(cert *x509.Certificate) Option {
	return func(c *Client) error {
		if cert == nil {
			return errors.New("client: WithPinnedCertificate(nil)")
		}
		want := cert.Raw
		c.tlsConfig = &tls.Config{
			InsecureSkipVerify: true, // replaced by the check below
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 || string(cs.PeerCertificates[0].Raw) != string(want) {
					return errors.New("client: the server's certificate is not the pinned one")
				}
				return nil
			},
		}
		return nil
	}
}

// WithInsecure accepts any server certificate (recq get --insecure, for a
// self-signed one on loopback). The connection is encrypted but its peer is
// not checked.
func WithInsecure() Option {
	return func(c *Client) error {
		c.tlsConfig = &tls.Config{InsecureSkipVerify: true}
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		c.userAgent = ua
		return nil
	}
}

// WithRetry sets how 503 and 429 answers are retried.
func WithRetry(p RetryPolicy) Option {
	return func(c *Client) error {
		if p.Tries < 1 {
			return errors.New("client: RetryPolicy.Tries must be at least 1")
		}
		c.retry = p
		return nil
	}
}

// WithSleep replaces the wait between tries (a test records the waits
// instead of taking them). sleep must return ctx.Err() when ctx ends first.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *Client) error {
		c.sleep = sleep
		return nil
	}
}

// WithClock replaces the clock read to turn a Retry-After date into a wait
// and to time the walk for Event.Elapsed.
func WithClock(now func() time.Time) Option {
	return func(c *Client) error {
		c.now = now
		return nil
	}
}

// WithJitter replaces the jitter of the back-off: jitter(d) returns a wait
// in [0, d]. The default draws it at random (full jitter).
func WithJitter(jitter func(time.Duration) time.Duration) Option {
	return func(c *Client) error {
		c.jitter = jitter
		return nil
	}
}

// WithZone sends tz=name with every list query that has no tz of its own,
// so that its dates mean the same whatever the tenant's zone (default UTC).
func WithZone(name string) Option {
	return func(c *Client) error {
		loc, err := timezone.Load(name)
		if err != nil {
			return errors.New("client: WithZone: " + err.Error())
		}
		c.zoneName, c.zone = name, loc
		return nil
	}
}

// WithTenantZone sends no tz for queries that have none: their dates are
// then read in the tenant's zone, as the API does. The client does not
// know that zone: a query whose d is one time of day, or starts at a
// fraction of a second, without an offset, is walked by offset.
func WithTenantZone() Option {
	return func(c *Client) error {
		c.zoneName, c.zone, c.tenantZone = "", nil, nil
		return nil
	}
}

// WithKnownTenantZone sends no tz, as WithTenantZone, and tells the client
// that the tenant's zone is name, so that the key walk can compute the
// instants of a query whose d is one time of day or starts at a fraction
// of a second (docs/CLIENT.md). name is never sent; it must be the
// tenant's setting, or such a walk's windows would not be the query's.
func WithKnownTenantZone(name string) Option {
	return func(c *Client) error {
		loc, err := timezone.Load(name)
		if err != nil {
			return errors.New("client: WithKnownTenantZone: " + err.Error())
		}
		c.zoneName, c.zone, c.tenantZone = "", nil, loc
		return nil
	}
}

// WithWireFormat sets the format pages are fetched in (default XML, whose
// closing root tells a complete page from a cut one even without a
// Content-Length). The records are the same in every format.
func WithWireFormat(f filter.Format) Option {
	return func(c *Client) error {
		switch f {
		case filter.XML, filter.JSON, filter.CSV:
			c.wire = f
			return nil
		}
		return errors.New("client: WithWireFormat: unknown format " + f.String())
	}
}

// WithWalk chooses how lists are walked (default WalkAuto).
func WithWalk(w Walk) Option {
	return func(c *Client) error {
		c.walk = w
		return nil
	}
}

// WithServerFilter sends a query's filter= to the server as it is, for a
// server said to accept it (recq serve --filter; recq get --server-filter).
// Without it a query with a filter is planned: the API's own variables
// are sent and the rest is evaluated on what comes back (docs/CLIENT.md,
// "Plans").
func WithServerFilter() Option {
	return func(c *Client) error {
		c.serverFilter = true
		return nil
	}
}

// WithObserver calls observe after each page and before each retry, on the
// goroutine that walks; recq get draws its progress line from it.
func WithObserver(observe func(Event)) Option {
	return func(c *Client) error {
		c.observe = observe
		return nil
	}
}

// Event is what an observer is told.
type Event struct {
	Kind    EventKind
	Page    int           // the page's ordinal in the walk (across a plan's requests): the page read, or the page retried
	Records int           // records yielded so far in the walk (for a plan: read from all its requests, before the residual)
	Status  int           // the status retried, for Retry
	Wait    time.Duration // the wait before the next try, for Retry
	Elapsed time.Duration // since the walk began, by the client's clock
}

// EventKind tells pages from retries.
type EventKind uint8

const (
	EventPage  EventKind = iota // a page was read
	EventRetry                  // a 503 or 429 will be retried after Wait
)

func (c *Client) emit(e Event) {
	if c.observe != nil {
		c.observe(e)
	}
}
