package model

import (
	"errors"
	"fmt"
	"math"
)

// PhaseKind is one of the three phases of every case.
type PhaseKind int

// The phases, in order.
const (
	Preparation PhaseKind = iota // chuẩn bị
	Execution                    // tiến hành
	Closing                      // kết thúc
)

// PhaseKinds lists the phases in order.
var PhaseKinds = []PhaseKind{Preparation, Execution, Closing}

// Phase is one phase of a case with its first and last day, both included.
type Phase struct {
	Kind       PhaseKind
	Start, End Date
}

// Days returns the number of days in p, both ends included.
func (p Phase) Days() int { return p.Start.DaysUntil(p.End) + 1 }

// Shares are the parts of a case period given to preparation, execution
// and closing; they add up to 1.
type Shares [3]float64

// DefaultShares splits a case period 10 %, 75 %, 15 %.
var DefaultShares = Shares{0.10, 0.75, 0.15}

// UsualShareRange is the share of the period each phase usually takes:
// preparation 5–10 %, execution 70–80 %, closing 10–20 %.
var UsualShareRange = [3][2]float64{{0.05, 0.10}, {0.70, 0.80}, {0.10, 0.20}}

// Errors of the phase rules.
var (
	// ErrPeriodReversed is returned when a case ends before it starts.
	ErrPeriodReversed = errors.New("the end date is before the start date")
	// ErrPeriodTooShort is returned when a period has fewer than three
	// days, so one of the phases would be empty.
	ErrPeriodTooShort = errors.New("the period is shorter than three days")
	// ErrBoundsOutside is returned when moved phase boundaries leave a
	// phase empty or fall outside the case period.
	ErrBoundsOutside = errors.New("a phase boundary leaves a phase empty or lies outside the period")
)

// SplitPhases splits the period start..end (both included) into the three
// phases by shares. Each phase gets at least one day; preparation and
// closing are rounded to whole days and execution takes the rest.
func SplitPhases(start, end Date, shares Shares) ([3]Phase, error) {
	days, err := periodDays(start, end)
	if err != nil {
		return [3]Phase{}, err
	}
	prep := max(1, int(math.Round(float64(days)*shares[0])))
	closing := max(1, int(math.Round(float64(days)*shares[2])))
	for prep+closing > days-1 {
		if closing >= prep && closing > 1 {
			closing--
		} else {
			prep--
		}
	}
	prepEnd := start.AddDays(prep - 1)
	execEnd := end.AddDays(-closing)
	return PhasesWithBounds(start, end, prepEnd, execEnd)
}

// PhasesWithBounds returns the phases of start..end when preparation ends
// on prepEnd and execution on execEnd.
func PhasesWithBounds(start, end, prepEnd, execEnd Date) ([3]Phase, error) {
	if _, err := periodDays(start, end); err != nil {
		return [3]Phase{}, err
	}
	if prepEnd.Before(start) || !prepEnd.Before(execEnd) || !execEnd.Before(end) {
		return [3]Phase{}, ErrBoundsOutside
	}
	return [3]Phase{
		{Kind: Preparation, Start: start, End: prepEnd},
		{Kind: Execution, Start: prepEnd.AddDays(1), End: execEnd},
		{Kind: Closing, Start: execEnd.AddDays(1), End: end},
	}, nil
}

func periodDays(start, end Date) (int, error) {
	if start.IsZero() || end.IsZero() {
		return 0, fmt.Errorf("the case period needs a start and an end date")
	}
	if end.Before(start) {
		return 0, ErrPeriodReversed
	}
	days := start.DaysUntil(end) + 1
	if days < 3 {
		return 0, ErrPeriodTooShort
	}
	return days, nil
}

// ShareWarning is a phase whose share of the period is outside
// UsualShareRange. It is advice: the phases stay valid.
type ShareWarning struct {
	Phase    PhaseKind
	Share    float64
	Min, Max float64
}

// CheckShares returns a warning for each phase whose share of the period
// leaves UsualShareRange. Phases have whole days, so a phase is within
// the range when its day count lies between the range's ends rounded
// outwards to whole days. The default split never warns on a period of
// ten days or more.
func CheckShares(phases [3]Phase) []ShareWarning {
	total := phases[0].Start.DaysUntil(phases[2].End) + 1
	var warnings []ShareWarning
	for i, p := range phases {
		lo, hi := UsualShareRange[i][0], UsualShareRange[i][1]
		days := p.Days()
		if days < int(math.Floor(lo*float64(total))) || days > int(math.Ceil(hi*float64(total))) {
			share := float64(days) / float64(total)
			warnings = append(warnings, ShareWarning{Phase: p.Kind, Share: share, Min: lo, Max: hi})
		}
	}
	return warnings
}

// PhaseOn returns the phase that contains day d, and false when d is
// outside the period.
func PhaseOn(phases [3]Phase, d Date) (PhaseKind, bool) {
	for _, p := range phases {
		if !d.Before(p.Start) && !d.After(p.End) {
			return p.Kind, true
		}
	}
	return 0, false
}
