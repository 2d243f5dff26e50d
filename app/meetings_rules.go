package app

import (
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"sotay/model"
	"sotay/model/workday"
)

// Setting keys of the five-day rule and the working-day calendar.
const (
	SettingDistributionDays    = "distribution_days"
	SettingDistributionWorking = "distribution_working_days"
	// SettingWorkdayDocument holds the user's working-day calendar, a
	// workday.Document as JSON; unset means the built-in calendar.
	SettingWorkdayDocument = "workday_document"
)

// ErrDistributionDays is returned by SetDistributionRule for a number of
// days outside 0 to model.MaxDistributionDays.
var ErrDistributionDays = errors.New("distribution days out of range")

// MeetingRules are what every deadline of a meeting is computed with: the
// vault's working-day calendar and its distribution rule. Load them once
// per screen or command with LoadMeetingRules.
type MeetingRules struct {
	Calendar *workday.Calendar
	Rule     model.DistributionRule
	// Custom is set when the calendar comes from the vault's settings
	// rather than the built-in rules.
	Custom bool
}

// Deadlines returns the distribution deadlines of m.
func (r MeetingRules) Deadlines(m model.Meeting) model.Deadlines {
	return model.MeetingDeadlines(r.Calendar, r.Rule, m.Date)
}

// LoadMeetingRules reads the distribution rule and the working-day
// calendar from the vault's settings, with the defaults for what is
// unset. A stored calendar that no longer validates falls back to the
// built-in one, so that a bad setting never hides the meetings.
func LoadMeetingRules(s *Session) (MeetingRules, error) {
	r := MeetingRules{Calendar: workday.Default(), Rule: model.DefaultDistributionRule}
	days, err := s.Setting(SettingDistributionDays, "")
	if err != nil {
		return r, err
	}
	if n, err := strconv.Atoi(days); err == nil && n >= 0 && n <= model.MaxDistributionDays {
		r.Rule.Days = n
	}
	working, err := s.Setting(SettingDistributionWorking, "")
	if err != nil {
		return r, err
	}
	r.Rule.Working = working == "1"

	doc, custom, err := CalendarDocument(s)
	if err != nil || !custom {
		return r, err
	}
	if cal, err := workday.New(doc.Rules, doc.Schedules); err == nil {
		r.Calendar, r.Custom = cal, true
	}
	return r, nil
}

// SetDistributionRule stores the number of days and the counting mode.
func SetDistributionRule(s *Session, rule model.DistributionRule) error {
	if rule.Days < 0 || rule.Days > model.MaxDistributionDays {
		return ErrDistributionDays
	}
	if err := s.SetSetting(SettingDistributionDays, strconv.Itoa(rule.Days)); err != nil {
		return err
	}
	working := "0"
	if rule.Working {
		working = "1"
	}
	return s.SetSetting(SettingDistributionWorking, working)
}

// CalendarDocument returns the working-day calendar stored in the vault,
// or the built-in one with custom false when none is stored.
func CalendarDocument(s *Session) (doc workday.Document, custom bool, err error) {
	text, err := s.Setting(SettingWorkdayDocument, "")
	if err != nil || text == "" {
		return workday.DefaultDocument(), false, err
	}
	doc, err = workday.ParseDocument([]byte(text))
	if err != nil {
		return workday.DefaultDocument(), false, nil
	}
	return doc, true, nil
}

// SetCalendarDocument validates doc and stores it as the vault's
// working-day calendar. A schedule that lists a day both off and working
// returns a *workday.ConflictError, any other invalid rule an error
// wrapping workday.ErrInvalidRules; then nothing is stored.
func SetCalendarDocument(s *Session, doc workday.Document) error {
	for i := range doc.Schedules {
		sch := &doc.Schedules[i]
		sch.Notice = model.Normalize(sch.Notice)
		for _, list := range [][]workday.ScheduleDay{sch.DaysOff, sch.Cancelled, sch.WorkingDays} {
			for j := range list {
				list[j].Name = model.Normalize(list[j].Name)
				list[j].Notice = model.Normalize(list[j].Notice)
			}
		}
	}
	if _, err := workday.New(doc.Rules, doc.Schedules); err != nil {
		return err
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return s.SetSetting(SettingWorkdayDocument, string(b))
}

// SetSchedule stores sch as the official schedule of its year, in place
// of the one the vault's calendar had for that year (stored or built-in),
// and keeps every other year as it was. It validates like
// SetCalendarDocument and stores nothing on error.
func SetSchedule(s *Session, sch workday.Schedule) error {
	doc, _, err := CalendarDocument(s)
	if err != nil {
		return err
	}
	doc.Schedules = slices.DeleteFunc(doc.Schedules, func(x workday.Schedule) bool { return x.Year == sch.Year })
	doc.Schedules = append(doc.Schedules, sch)
	slices.SortFunc(doc.Schedules, func(a, b workday.Schedule) int { return cmp.Compare(a.Year, b.Year) })
	return SetCalendarDocument(s, doc)
}

// RemoveSchedule drops the official schedule of year from the vault's
// calendar, so that the rules alone set that year's days off.
func RemoveSchedule(s *Session, year int) error {
	doc, _, err := CalendarDocument(s)
	if err != nil {
		return err
	}
	doc.Schedules = slices.DeleteFunc(doc.Schedules, func(x workday.Schedule) bool { return x.Year == year })
	return SetCalendarDocument(s, doc)
}

// ResetCalendar drops the vault's calendar, back to the built-in one.
func ResetCalendar(s *Session) error { return s.SetSetting(SettingWorkdayDocument, "") }
