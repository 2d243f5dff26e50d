package lunar

import (
	"fmt"
	"strconv"
	"strings"
)

var (
	// stems are the ten heavenly stems (can); 4 CE was Giáp Tý.
	stems = [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	// branches are the twelve earthly branches (chi), in Vietnamese, where
	// the fourth is the cat (Mão) and the sixth Tỵ.
	branches = [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
)

// YearName returns the sexagenary (Can Chi) name of lunar year y, such as
// "Bính Ngọ" for 2026.
func YearName(y int) string {
	return stems[mod(y+6, 10)] + " " + branches[mod(y+8, 12)]
}

func mod(a, n int) int { return (a%n + n) % n }

// leapWord is the token that marks a leap month in the D/M/leap/YYYY form.
const leapWord = "leap"

// String returns ld in the form that Parse reads: D/M/YYYY, or
// D/M/leap/YYYY for a day of a leap month.
func (ld Date) String() string {
	if ld.Leap {
		return fmt.Sprintf("%d/%d/%s/%d", ld.Day, ld.Month, leapWord, ld.Year)
	}
	return fmt.Sprintf("%d/%d/%d", ld.Day, ld.Month, ld.Year)
}

// Display returns ld the way Vietnamese calendars print it, such as
// "17/6 nhuận năm Ất Tỵ".
func (ld Date) Display() string {
	return fmt.Sprintf("%d/%s năm %s", ld.Day, monthLabel(ld.Month, ld.Leap), YearName(ld.Year))
}

func monthLabel(m int, leap bool) string {
	if leap {
		return strconv.Itoa(m) + " nhuận"
	}
	return strconv.Itoa(m)
}

// Parse reads a lunar date written D/M/YYYY or D/M/leap/YYYY ("nhuận" is
// accepted for "leap"). It checks the ranges of day and month but not
// whether the date exists in that year; ToSolar does.
func Parse(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	leap := false
	switch {
	case len(parts) == 4 && isLeapWord(parts[2]):
		leap = true
		parts = []string{parts[0], parts[1], parts[3]}
	case len(parts) != 3:
		return Date{}, fmt.Errorf("invalid lunar date %q: expected D/M/YYYY or D/M/leap/YYYY", s)
	}

	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, fmt.Errorf("invalid lunar date %q: %q is not a number", s, p)
		}
		n[i] = v
	}
	ld := Date{Day: n[0], Month: n[1], Year: n[2], Leap: leap}
	if ld.Day < 1 || ld.Day > 30 || ld.Month < 1 || ld.Month > 12 {
		return Date{}, fmt.Errorf("invalid lunar date %q: day must be 1 to 30 and month 1 to 12", s)
	}
	return ld, nil
}

func isLeapWord(s string) bool {
	switch strings.ToLower(s) {
	case leapWord, "nhuận", "nhuan":
		return true
	}
	return false
}
