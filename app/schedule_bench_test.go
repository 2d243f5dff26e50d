package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"sotay/vault"
)

// calendarOf returns an .ics file with n events, one in ten of them
// weekly, in the form Outlook exports.
func calendarOf(n int) []byte {
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n")
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:bench-%d@example\r\nSUMMARY:Sự kiện thử số %d\r\n", i, i)
		fmt.Fprintf(&b, "DTSTART;TZID=\"SE Asia Standard Time\":2026%02d%02dT%02d0000\r\n", 1+i%12, 1+i%28, 7+i%10)
		fmt.Fprintf(&b, "DTEND;TZID=\"SE Asia Standard Time\":2026%02d%02dT%02d3000\r\n", 1+i%12, 1+i%28, 7+i%10)
		if i%10 == 0 {
			b.WriteString("RRULE:FREQ=WEEKLY;COUNT=10\r\n")
		}
		b.WriteString("LOCATION:Phòng họp\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.Bytes()
}

// BenchmarkImportICS10000 imports a file of 10,000 events into a new
// vault each time: parsing, conversion and the one transaction.
func BenchmarkImportICS10000(b *testing.B) {
	data := calendarOf(10_000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		v, err := vault.Create(filepath.Join(b.TempDir(), fmt.Sprint("v", i)), []byte("mật khẩu thử đo tốc độ"),
			vault.CreateOptions{KDF: vault.FloorKDF})
		if err != nil {
			b.Fatal(err)
		}
		s := NewSession(v)
		b.StartTimer()
		rep, err := ImportICS(s, bytes.NewReader(data), "", nil)
		if err != nil || rep.Added != 10_000 {
			b.Fatalf("import: %+v, %v", rep, err)
		}
		b.StopTimer()
		s.Lock()
		b.StartTimer()
	}
}
