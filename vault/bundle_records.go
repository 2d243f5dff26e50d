package vault

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"sotay/model"
)

// incomingRecord is a checked row from a bundle.
type incomingRecord struct {
	table       *recordTable
	row         map[string]any
	id          string // the key of a keyed row
	updated     string // HLC text, which sorts in clock order
	workstation string
}

// parseRecords decodes the records section. Each row must belong to a
// registered table, carry the record columns with valid values, and hold
// only strings, numbers and nulls. A whole number becomes an int64 and
// any other a float64.
func parseRecords(data []byte) ([]incomingRecord, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out []incomingRecord
	for {
		var rec bundleRecord
		err := dec.Decode(&rec)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: record %d: %v", ErrBundleTampered, len(out)+1, err)
		}
		in, err := checkRecord(rec)
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", len(out)+1, err)
		}
		out = append(out, in)
	}
}

func checkRecord(rec bundleRecord) (incomingRecord, error) {
	t, ok := findRecordTable(rec.Table)
	if !ok {
		return incomingRecord{}, fmt.Errorf("%w: table %q", ErrBundleNewer, rec.Table)
	}
	for c, value := range rec.Row {
		switch x := value.(type) {
		case string, nil:
		case json.Number:
			if n, err := x.Int64(); err == nil {
				rec.Row[c] = n
				continue
			}
			// A real column (a KPI's target, a value in percent) holds
			// fractions, written as encoding/json writes a float64.
			f, err := x.Float64()
			if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return incomingRecord{}, fmt.Errorf("%w: %s.%s is not a number", ErrBundleTampered, t.name, c)
			}
			rec.Row[c] = f
		default:
			return incomingRecord{}, fmt.Errorf("%w: %s.%s has a value of type %T", ErrBundleTampered, t.name, c, value)
		}
	}
	in := incomingRecord{table: t, row: rec.Row}
	if t.key != "" {
		// A keyed row has no clock and no workstation to check.
		if in.id, _ = rec.Row[t.key].(string); in.id == "" {
			return in, fmt.Errorf("%w: %s row without a %s", ErrBundleTampered, t.name, t.key)
		}
		return in, nil
	}
	in.id, _ = rec.Row["id"].(string)
	in.updated, _ = rec.Row["updated_at"].(string)
	in.workstation, _ = rec.Row["workstation"].(string)
	_, hasCreated := rec.Row["created_at"].(string)
	deleted, _ := rec.Row["deleted"].(int64)
	_, err := model.ParseHLC(in.updated)
	if in.id == "" || in.workstation == "" || !hasCreated || err != nil || (deleted != 0 && deleted != 1) {
		return in, fmt.Errorf("%w: %s row without valid record columns", ErrBundleTampered, t.name)
	}
	return in, nil
}

// rowJSON returns a row as the JSON object stored with a conflict.
func rowJSON(row map[string]any) string {
	b, _ := json.Marshal(row)
	return string(b)
}
