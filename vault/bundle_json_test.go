package vault

import (
	"bytes"
	"encoding/json"
	"testing"
)

var jsonSamples = []string{
	"", "Kiểm tra đảng viên Trần Văn Hai", "a\"b\\c", "<script>&amp;</script>",
	"\b\f\n\r\t\x00\x01\x1f\x7f", "line\u2028sep\u2029", "bad \xff\xfe utf8 \xc3",
	"Ki\u0309m tra (NFD)", "\U0001F600 emoji", "tab\tend", "\xe2\x80", "€\xed\xa0\x80",
}

// The bundle's record lines must not change with the encoder: readers
// and the manifest's hash see the bytes json.Marshal gave before.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonSamples {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
		if got := appendJSONBytes(nil, []byte(s)); !bytes.Equal(got, want) {
			t.Errorf("bytes %q: got %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

func TestRowEncoderMatchesMarshal(t *testing.T) {
	table := recordTable{name: "documents", blob: "sha256"}
	columns := []string{"name", "id", "deleted", "sha256", "classification", "size", "ratio", "note"}
	rows := [][]any{
		{[]byte("Biên bản <mật> & \"x\""), "d1", int64(0), []byte("ab12"), int64(2), int64(1 << 40), 0.5, nil},
		{"tệp\xff", []byte("d2"), int64(1), "cd34", int64(3), int64(-7), 1e21, []byte{}},
		{"", "d3", int64(0), nil, nil, int64(0), 1e-7, "\u2028"},
	}
	enc := newRowEncoder(table, columns)
	m := &Manifest{}
	blobs := map[string]bool{}
	for _, values := range rows {
		row := map[string]any{}
		for i, c := range columns {
			v := values[i]
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			row[c] = v
		}
		want, err := json.Marshal(bundleRecord{Table: table.name, Row: row})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := enc.append(&buf, values); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != string(want)+"\n" {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		enc.note(values, m, blobs)
	}
	if m.Classification != 2 {
		t.Errorf("highest classification %d, want 2 (the deleted row's 3 does not count)", m.Classification)
	}
	if len(blobs) != 1 || !blobs["ab12"] {
		t.Errorf("blobs %v, want only ab12 (the deleted row's content stays)", blobs)
	}
}
