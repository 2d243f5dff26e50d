package lunar

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"sotay/model"
)

func date(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

func TestTetAndGioTo(t *testing.T) {
	tests := []struct {
		year  int
		tet   model.Date
		gioTo model.Date
	}{
		{2024, date(2024, time.February, 10), date(2024, time.April, 18)},
		{2025, date(2025, time.January, 29), date(2025, time.April, 7)},
		{2026, date(2026, time.February, 17), date(2026, time.April, 26)},
		{2027, date(2027, time.February, 6), date(2027, time.April, 16)},
		{2028, date(2028, time.January, 26), date(2028, time.April, 4)},
		{2029, date(2029, time.February, 13), date(2029, time.April, 23)},
		{2030, date(2030, time.February, 2), date(2030, time.April, 12)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			tet, err := ToSolar(Date{Day: 1, Month: 1, Year: tt.year})
			if err != nil {
				t.Fatal(err)
			}
			if tet != tt.tet {
				t.Errorf("Tết = %v, want %v", tet, tt.tet)
			}
			gioTo, err := ToSolar(Date{Day: 10, Month: 3, Year: tt.year})
			if err != nil {
				t.Fatal(err)
			}
			if gioTo != tt.gioTo {
				t.Errorf("Giỗ Tổ = %v, want %v", gioTo, tt.gioTo)
			}
			if got, want := FromSolar(tt.tet), (Date{Day: 1, Month: 1, Year: tt.year}); got != want {
				t.Errorf("FromSolar(%v) = %v, want %v", tt.tet, got, want)
			}
		})
	}
}

func TestKnownDates(t *testing.T) {
	tests := []struct {
		solar model.Date
		lunar Date
	}{
		// Vietnam (UTC+7) and China (UTC+8) disagree on these two Tết days.
		{date(1985, time.January, 21), Date{Day: 1, Month: 1, Year: 1985}},
		{date(2030, time.February, 2), Date{Day: 1, Month: 1, Year: 2030}},
		{date(2025, time.August, 10), Date{Day: 17, Month: 6, Year: 2025, Leap: true}},
		{date(2004, time.April, 18), Date{Day: 29, Month: 2, Year: 2004, Leap: true}},
		// The eve of Tết 2026 is 29/12 because month 12 of Ất Tỵ is short.
		{date(2026, time.February, 16), Date{Day: 29, Month: 12, Year: 2025}},
		{date(2026, time.December, 4), Date{Day: 26, Month: 10, Year: 2026}},
	}
	for _, tt := range tests {
		t.Run(tt.solar.String(), func(t *testing.T) {
			if got := FromSolar(tt.solar); got != tt.lunar {
				t.Errorf("FromSolar = %v, want %v", got, tt.lunar)
			}
			got, err := ToSolar(tt.lunar)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.solar {
				t.Errorf("ToSolar(%v) = %v, want %v", tt.lunar, got, tt.solar)
			}
		})
	}
}

func TestLeapMonth(t *testing.T) {
	tests := map[int]int{2004: 2, 2020: 4, 2023: 2, 2025: 6, 2026: 0, 2028: 5}
	for year, want := range tests {
		if got := LeapMonth(year); got != want {
			t.Errorf("LeapMonth(%d) = %d, want %d", year, got, want)
		}
	}
}

func TestToSolarRejectsMissingDates(t *testing.T) {
	tests := []struct {
		name string
		in   Date
	}{
		{"leap month the year lacks", Date{Day: 1, Month: 5, Year: 2026, Leap: true}},
		{"day 30 of a 29-day month", Date{Day: 30, Month: 12, Year: 2025}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ToSolar(tt.in)
			if !errors.Is(err, ErrNoSuchDate) {
				t.Errorf("ToSolar(%v) error = %v, want ErrNoSuchDate", tt.in, err)
			}
		})
	}
	for _, in := range []Date{{Day: 0, Month: 1, Year: 2026}, {Day: 1, Month: 13, Year: 2026}} {
		if _, err := ToSolar(in); err == nil {
			t.Errorf("ToSolar(%v) accepted an out-of-range field", in)
		}
	}
}

// TestRoundTrip converts every day from 1900 to 2100 to the lunar calendar
// and back, and checks that lunar dates advance one day at a time.
func TestRoundTrip(t *testing.T) {
	first := date(1900, time.January, 1).JulianDay()
	last := date(2100, time.December, 31).JulianDay()
	prev := FromSolar(model.DateFromJulianDay(first - 1))

	for jd := first; jd <= last; jd++ {
		d := model.DateFromJulianDay(jd)
		ld := FromSolar(d)
		back, err := ToSolar(ld)
		if err != nil {
			t.Fatalf("ToSolar(FromSolar(%v) = %v): %v", d, ld, err)
		}
		if back != d {
			t.Fatalf("ToSolar(FromSolar(%v) = %v) = %v", d, ld, back)
		}
		if ld.Day != prev.Day+1 && (ld.Day != 1 || prev.Day < 29) {
			t.Fatalf("%v: lunar day %v follows %v", d, ld, prev)
		}
		prev = ld
	}
}

// TestSolsticeYearsChain checks that the month tables of consecutive
// solstice years meet without a gap or overlap, with 12 or 13 months and
// at most one leap month each.
func TestSolsticeYearsChain(t *testing.T) {
	for y := 1800; y <= 2200; y++ {
		months := solsticeYear(y)
		if n := len(months); n != 12 && n != 13 {
			t.Fatalf("solstice year %d has %d months", y, n)
		}
		if months[0].number != 11 || months[0].leap {
			t.Fatalf("solstice year %d starts with month %+v", y, months[0])
		}
		last := months[len(months)-1]
		if end := last.start + last.length; end != solsticeYear(y + 1)[0].start {
			t.Fatalf("solstice year %d ends on day %d, next starts on %d", y, end, solsticeYear(y + 1)[0].start)
		}
		leaps := 0
		for _, m := range months {
			if m.leap {
				leaps++
			}
			if m.length != 29 && m.length != 30 {
				t.Fatalf("solstice year %d: month %+v has %d days", y, m, m.length)
			}
		}
		if want := len(months) - 12; leaps != want {
			t.Fatalf("solstice year %d has %d months and %d leap months", y, len(months), leaps)
		}
	}
}

func TestYearName(t *testing.T) {
	tests := map[int]string{
		1984: "Giáp Tý", 2024: "Giáp Thìn", 2025: "Ất Tỵ", 2026: "Bính Ngọ",
		2027: "Đinh Mùi", 2030: "Canh Tuất", 1968: "Mậu Thân", 0: "Canh Thân", -1: "Kỷ Mùi",
	}
	for year, want := range tests {
		if got := YearName(year); got != want {
			t.Errorf("YearName(%d) = %q, want %q", year, got, want)
		}
	}
}

func TestFormatAndParse(t *testing.T) {
	leap := Date{Day: 17, Month: 6, Year: 2025, Leap: true}
	if got := leap.String(); got != "17/6/leap/2025" {
		t.Errorf("String() = %q", got)
	}
	if got := leap.Display(); got != "17/6 nhuận năm Ất Tỵ" {
		t.Errorf("Display() = %q", got)
	}
	if got := (Date{Day: 1, Month: 1, Year: 2026}).Display(); got != "1/1 năm Bính Ngọ" {
		t.Errorf("Display() = %q", got)
	}

	for _, s := range []string{"17/6/leap/2025", "17/6/nhuận/2025", " 17/6/LEAP/2025 "} {
		got, err := Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
		if got != leap {
			t.Errorf("Parse(%q) = %v, want %v", s, got, leap)
		}
	}
	for _, s := range []string{"", "17/6", "17/6/x/2025", "a/6/2025", "31/1/2025", "1/13/2025", "17/6/2025/1"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted an invalid date", s)
		}
	}
}

func BenchmarkFromSolar(b *testing.B) {
	d := date(2026, time.December, 4)
	for b.Loop() {
		FromSolar(d)
	}
}

func ExampleFromSolar() {
	ld := FromSolar(model.NewDate(2025, time.August, 10))
	fmt.Println(ld, "=", ld.Display())
	// Output: 17/6/leap/2025 = 17/6 nhuận năm Ất Tỵ
}

func ExampleToSolar() {
	tet, err := ToSolar(Date{Day: 1, Month: 1, Year: 2030})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tet.Display())
	// Output: 02/02/2030
}
