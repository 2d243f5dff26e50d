package model

import (
	"fmt"
	"time"
)

// DocNumber is one number of the document register: the sequence number
// Seq of document type Type (QĐ, KH, BC, TB…) in a Party committee term.
// Numbers are never reused: a voided number stays in the register.
type DocNumber struct {
	Record
	Type     string
	Term     string
	Seq      int
	Issuer   string
	IssuedOn Date
	Subject  string
	CaseID   string
	Voided   bool
}

// Text returns the number as it is printed: "12-QĐ/UBKT", the sequence
// with two digits at least.
func (n DocNumber) Text() string { return FormatDocNumber(n.Seq, n.Type, n.Issuer) }

// FormatDocNumber returns "12-QĐ/UBKT" from its parts.
func FormatDocNumber(seq int, typ, issuer string) string {
	return fmt.Sprintf("%02d-%s/%s", seq, typ, issuer)
}

// Gaps returns the sequence numbers from 1 to the highest issued that no
// record of the register holds, in order.
func Gaps(seqs []int) []int {
	have := map[int]bool{}
	top := 0
	for _, s := range seqs {
		have[s] = true
		top = max(top, s)
	}
	var gaps []int
	for s := 1; s < top; s++ {
		if !have[s] {
			gaps = append(gaps, s)
		}
	}
	return gaps
}

// DateLine returns the place and date line of a Party document, "Hà Nội,
// ngày 04 tháng 12 năm 2026": the day always with two digits, months 1
// and 2 with a leading zero, months 3 to 12 without.
func DateLine(place string, d Date) string {
	month := fmt.Sprintf("%d", int(d.Month))
	if d.Month <= time.February {
		month = fmt.Sprintf("%02d", int(d.Month))
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, d.Day, month, d.Year)
}
