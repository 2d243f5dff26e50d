package model

import (
	"testing"
	"time"
)

func TestJulianDayRoundTrip(t *testing.T) {
	if got := NewDate(2000, time.January, 1).JulianDay(); got != 2451545 {
		t.Fatalf("JulianDay(2000-01-01) = %d, want 2451545", got)
	}
	for d := NewDate(1899, time.December, 1); d.Year < 2101; d = d.AddDays(1) {
		if back := DateFromJulianDay(d.JulianDay()); back != d {
			t.Fatalf("DateFromJulianDay(JulianDay(%v)) = %v", d, back)
		}
	}
}

func TestDateForms(t *testing.T) {
	d := NewDate(2026, time.December, 4)
	if d.String() != "2026-12-04" {
		t.Errorf("String() = %q", d.String())
	}
	if d.Display() != "04/12/2026" {
		t.Errorf("Display() = %q", d.Display())
	}
	p, err := ParseDisplayDate("4/12/2026")
	if err != nil || p != d {
		t.Errorf("ParseDisplayDate = %v, %v", p, err)
	}
	if _, err := ParseDate("2026-13-01"); err == nil {
		t.Error("ParseDate accepted month 13")
	}
	if n := d.DaysUntil(NewDate(2027, time.January, 1)); n != 28 {
		t.Errorf("DaysUntil = %d, want 28", n)
	}
}
