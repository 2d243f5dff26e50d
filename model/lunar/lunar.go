// Package lunar converts between the Gregorian calendar and the Vietnamese
// lunar calendar (âm lịch).
//
// Months start on the local day of the astronomical new moon, computed for
// the meridian 105°E (UTC+7). The month that contains the winter solstice
// is month 11, and in a year of 13 months the first month after month 11
// with no principal solar term is the leap month (tháng nhuận), numbered
// like the month before it. The astronomy is Hồ Ngọc Đức's algorithm with
// new moons and sun longitude after Jean Meeus; Chinese almanacs compute
// for UTC+8 and differ from it in some years (Tết 1985 and 2030, for
// instance).
//
// NOTE: every year is computed for UTC+7. Almanacs printed in Vietnam
// before 1968 used UTC+8, so some earlier dates differ from them.
//
// Conversions are pure functions and safe for concurrent use. Tests compare
// them with published dates from 1985 to 2030, and a day-by-day round trip
// from 1900 to 2100 checks that the two directions agree. Dates far outside
// 1900–2100 are not checked, and the series lose precision there.
package lunar

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"sotay/model"
)

// Date is a day of the lunar calendar. Year is the Gregorian number of the
// year in which the lunar year starts, so 1/1/2026 is Tết of the year
// Bính Ngọ, 17 February 2026. Leap marks a day of the leap month that
// follows month Month.
type Date struct {
	Day, Month, Year int
	Leap             bool
}

// ErrNoSuchDate is wrapped by the errors of ToSolar for a lunar date that
// does not exist: a leap month that the year lacks, or a day past the end
// of a 29-day month.
var ErrNoSuchDate = errors.New("no such lunar date")

// month is one lunar month.
type month struct {
	start  int // Julian day number of day 1
	length int // 29 or 30 days
	number int // 1 to 12
	leap   bool
	year   int // lunar year the month belongs to
}

// FromSolar returns the lunar date of the civil date d.
func FromSolar(d model.Date) Date {
	jd := d.JulianDay()
	months := solsticeYear(d.Year)
	if next := solsticeYear(d.Year + 1); jd >= next[0].start {
		months = next
	}

	m := months[0]
	for _, c := range months[1:] {
		if c.start > jd {
			break
		}
		m = c
	}
	return Date{Day: jd - m.start + 1, Month: m.number, Year: m.year, Leap: m.leap}
}

// ToSolar returns the civil date of the lunar date ld. It returns an error
// wrapping ErrNoSuchDate when ld.Year has no such leap month or the month
// is shorter than ld.Day, and a plain error when Day or Month is out of
// range.
func ToSolar(ld Date) (model.Date, error) {
	if ld.Month < 1 || ld.Month > 12 {
		return model.Date{}, fmt.Errorf("invalid lunar month %d: expected 1 to 12", ld.Month)
	}
	if ld.Day < 1 || ld.Day > 30 {
		return model.Date{}, fmt.Errorf("invalid lunar day %d: expected 1 to 30", ld.Day)
	}

	m, ok := findMonth(ld.Year, ld.Month, ld.Leap)
	if !ok {
		return model.Date{}, fmt.Errorf("lunar year %d has no leap month %d: %w",
			ld.Year, ld.Month, ErrNoSuchDate)
	}
	if ld.Day > m.length {
		return model.Date{}, fmt.Errorf("%s: month %s of lunar year %d has %d days: %w",
			ld, monthLabel(ld.Month, ld.Leap), ld.Year, m.length, ErrNoSuchDate)
	}
	return model.DateFromJulianDay(m.start + ld.Day - 1), nil
}

// LeapMonth returns the number of the month that lunar year y repeats as a
// leap month, or 0 when the year has 12 months.
func LeapMonth(y int) int {
	for _, sy := range [2]int{y, y + 1} {
		for _, m := range solsticeYear(sy) {
			if m.leap && m.year == y {
				return m.number
			}
		}
	}
	return 0
}

// MonthLength returns the number of days, 29 or 30, of month m of lunar
// year y (the leap month when leap is set). It returns an error wrapping
// ErrNoSuchDate when the year has no such month.
func MonthLength(y, m int, leap bool) (int, error) {
	found, ok := findMonth(y, m, leap)
	if !ok {
		return 0, fmt.Errorf("lunar year %d has no month %s: %w", y, monthLabel(m, leap), ErrNoSuchDate)
	}
	return found.length, nil
}

// findMonth looks month number of lunar year y up in the two solstice years
// that the lunar year overlaps: months 1 to 10 lie in the first, and months
// 11 and 12 usually in the second.
func findMonth(y, number int, leap bool) (month, bool) {
	for _, sy := range [2]int{y, y + 1} {
		for _, m := range solsticeYear(sy) {
			if m.year == y && m.number == number && m.leap == leap {
				return m, true
			}
		}
	}
	return month{}, false
}

// Solstice years from tableFirst to tableLast are computed once and kept;
// others are computed on each call.
const (
	tableFirst = 1800
	tableLast  = 2200
)

var table [tableLast - tableFirst + 1]struct {
	once   sync.Once
	months []month
}

// solsticeYear returns the months from month 11 of lunar year y-1, which
// contains the winter solstice of Gregorian year y-1, up to the day before
// month 11 of lunar year y.
func solsticeYear(y int) []month {
	if y < tableFirst || y > tableLast {
		return computeSolsticeYear(y)
	}
	e := &table[y-tableFirst]
	e.once.Do(func() { e.months = computeSolsticeYear(y) })
	return e.months
}

func computeSolsticeYear(y int) []month {
	a11 := month11(y - 1)
	b11 := month11(y)
	k := int(math.Floor((float64(a11)-newMoonEpoch)/synodicMonth + 0.5))
	n := int(math.Floor(float64(b11-a11)/synodicMonth + 0.5)) // 12 or 13

	leapAt := -1
	if n == 13 {
		leapAt = leapOffset(k)
	}

	months := make([]month, n)
	start := newMoonDay(k)
	for i := range months {
		next := newMoonDay(k + i + 1)
		number, leap := i+11, false
		if leapAt >= 0 && i >= leapAt {
			number, leap = i+10, i == leapAt
		}
		if number > 12 {
			number -= 12
		}
		year := y
		if number >= 11 && i < 4 {
			year = y - 1
		}
		months[i] = month{start: start, length: next - start, number: number, leap: leap, year: year}
		start = next
	}
	return months
}

// month11 returns the Julian day number of the first day of the lunar
// month that contains the winter solstice of Gregorian year y.
func month11(y int) int {
	off := model.NewDate(y, time.December, 31).JulianDay() - 2415021
	k := int(math.Floor(float64(off) / synodicMonth))
	nm := newMoonDay(k)
	if solarTerm(nm) >= 9 {
		// The new moon k falls after the solstice, so month 11 began a
		// month earlier.
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapOffset returns the index, counted from month 11 (new moon k), of the
// first month that contains no principal solar term: the leap month of a
// 13-month year.
func leapOffset(k int) int {
	i := 1
	term := solarTerm(newMoonDay(k + i))
	for {
		last := term
		i++
		term = solarTerm(newMoonDay(k + i))
		if term == last || i >= 14 {
			break
		}
	}
	return i - 1
}
