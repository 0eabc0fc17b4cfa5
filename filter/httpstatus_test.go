package filter

import (
	"net/http"
	"testing"
)

// TestStatusNumbers checks the plain status numbers against net/http's.
func TestStatusNumbers(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"OK", statusOK, http.StatusOK},
		{"BadRequest", statusBadRequest, http.StatusBadRequest},
		{"Unauthorized", statusUnauthorized, http.StatusUnauthorized},
		{"NotFound", statusNotFound, http.StatusNotFound},
		{"MethodNotAllowed", statusMethodNotAllowed, http.StatusMethodNotAllowed},
		{"InternalServerError", statusInternalServerError, http.StatusInternalServerError},
		{"ServiceUnavailable", statusServiceUnavailable, http.StatusServiceUnavailable},
	} {
		if c.got != c.want {
			t.Errorf("status%s = %d, net/http says %d", c.name, c.got, c.want)
		}
	}
}
