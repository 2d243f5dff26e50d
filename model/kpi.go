package model

import (
	"strconv"
	"strings"
)

// KPI is one indicator of the catalogue, with the eight parts a KPI is
// written down with: name, objective, unit, graded target, frequency,
// data source and method, who measures and reports, notes. Formula names
// the computation of a computed KPI; an empty Formula makes a manual KPI
// whose value is entered per period.
type KPI struct {
	Record
	Code      string
	Name      string
	Objective string
	Unit      string
	// Target is the level that counts as achieved (đạt), and Exceed the
	// level that counts as exceeded (vượt). With LowerBetter a value must
	// be at or under them instead.
	Target      float64
	Exceed      float64
	LowerBetter bool
	Frequency   Periodicity
	Source      string
	Method      string
	Measurer    string
	Notes       string
	Scope       KPIScope
	Formula     string
	Position    int
}

// KPIScope is whom a KPI measures.
type KPIScope string

// The scopes of a KPI.
const (
	ScopeUnit    KPIScope = "unit"    // the commission or a team
	ScopeOfficer KPIScope = "officer" // one officer
)

// Grade is the level a value reaches against its KPI's target.
type Grade string

// The grades. GradeNone is for a period with no data.
const (
	GradeNone        Grade = ""
	GradeNotAchieved Grade = "not_achieved" // chưa đạt
	GradeAchieved    Grade = "achieved"     // đạt
	GradeExceeded    Grade = "exceeded"     // vượt
)

// Grade grades value v against k's target.
func (k KPI) Grade(v float64) Grade {
	better := func(a, b float64) bool { // a meets b
		if k.LowerBetter {
			return a <= b
		}
		return a >= b
	}
	switch {
	case k.Exceed != k.Target && better(v, k.Exceed):
		return GradeExceeded
	case better(v, k.Target):
		return GradeAchieved
	}
	return GradeNotAchieved
}

// KPIValue is a KPI's value for one period. Has is false when the
// period has no data, which is not the same as a value of 0. Basis lists
// what the value was computed from (the case codes counted), Count and
// Total the numerator and denominator of a share.
type KPIValue struct {
	Period Period
	Value  float64
	Has    bool
	Count  int
	Total  int
	Basis  []string
	Grade  Grade
	Trend  Trend
}

// Trend is the direction a value moved in since the period before.
type Trend string

// The trends. TrendNone is for a value with no earlier value to compare.
const (
	TrendNone   Trend = ""
	TrendBetter Trend = "better"
	TrendWorse  Trend = "worse"
	TrendSame   Trend = "same"
)

// GradeSeries fills Grade and Trend of values, oldest first: each value
// is graded, and its trend compares it with the nearest earlier period
// that had data.
func (k KPI) GradeSeries(values []KPIValue) {
	var prev *KPIValue
	for i := range values {
		v := &values[i]
		if !v.Has {
			v.Grade, v.Trend = GradeNone, TrendNone
			continue
		}
		v.Grade = k.Grade(v.Value)
		v.Trend = TrendNone
		if prev != nil {
			switch d := v.Value - prev.Value; {
			case d == 0:
				v.Trend = TrendSame
			case (d > 0) != k.LowerBetter:
				v.Trend = TrendBetter
			default:
				v.Trend = TrendWorse
			}
		}
		prev = v
	}
}

// Share returns count/total as a percentage, and false when total is 0.
func Share(count, total int) (float64, bool) {
	if total == 0 {
		return 0, false
	}
	return 100 * float64(count) / float64(total), true
}

// FormatValue returns a KPI figure for display: a whole number without
// decimals, any other rounded to at most two decimals without trailing
// zeros (95.25, 18.18, 87.5), with "." as the decimal mark. unit is not
// used.
func FormatValue(v float64, unit string) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// ExactValue returns v with every digit it needs to read back as the same
// float64, for a form that edits it: a form filled with a rounded figure
// would store the rounded one on save.
func ExactValue(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// KPIPeriods returns the periods of year y a KPI of frequency f is
// measured over: months, quarters, halves or the year.
func KPIPeriods(f Periodicity, y int) []Period {
	r := ReportRule{Period: f}
	if f == PeriodNone || f == PeriodDaily || f == PeriodWeekly || f == PeriodTerm || f == PeriodNineMonths {
		r.Period = PeriodYearly
	}
	p, _ := r.Periods(y, Term{})
	return p
}
