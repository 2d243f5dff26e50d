package winsmoke

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
)

// Values that legitimately differ between two runs on the same input:
// record ids are random UUIDv7s and times are when the run happened.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// normalizer rewrites command output so that a Linux run and a Windows
// run of the same command compare equal: each run's vault paths become
// placeholders, line endings become "\n", and in JSON, ids and instants
// become placeholders as well.
type normalizer struct {
	paths map[string]string // path as printed → placeholder
}

func (n normalizer) text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for path, placeholder := range n.paths {
		s = strings.ReplaceAll(s, path, placeholder)
	}
	return s
}

// json decodes s and rewrites its values; output that is not JSON is
// returned as normalised text, so that the comparison still shows it.
func (n normalizer) json(s string) any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return n.text(s)
	}
	return n.value(v)
}

func (n normalizer) value(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for key, item := range v {
			v[key] = n.value(item)
		}
	case []any:
		for i, item := range v {
			v[i] = n.value(item)
		}
	case string:
		if uuidPattern.MatchString(v) {
			return "<uuid>"
		}
		if _, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return "<time>"
		}
		return n.text(v)
	}
	return v
}
