package app

import (
	"strconv"

	"sotay/model"
)

// MeetingStats counts the meetings of a period. Held counts those held.
// Judged counts those dated on or before today, not cancelled, with at
// least one material and one attendee, and OnTime those of them whose
// materials all went out to everyone by the deadline.
type MeetingStats struct {
	Held, Judged, OnTime int
	Basis                []string
}

// distributionRule reads the five-day rule from the settings the
// meetings screens store it in.
func distributionRule(s *Session) model.DistributionRule {
	r := model.DefaultDistributionRule
	if text, err := s.Setting("distribution_days", ""); err == nil {
		if n, err := strconv.Atoi(text); err == nil && n >= 0 && n <= model.MaxDistributionDays {
			r.Days = n
		}
	}
	if text, err := s.Setting("distribution_working_days", ""); err == nil {
		r.Working = text == "1"
	}
	return r
}

// MeetingTimeliness counts the meetings of p, reading each meeting's
// materials, attendees and distribution record.
func MeetingTimeliness(s *Session, p model.Period, today model.Date) (MeetingStats, error) {
	var st MeetingStats
	meetings, err := s.Meetings(p.Start, p.End)
	if err != nil {
		return st, err
	}
	cal, rule := WorkCalendar(s), distributionRule(s)
	for _, m := range meetings {
		if m.Status == model.MeetingHeld {
			st.Held++
		}
		if m.Status == model.MeetingCancelled || m.Date.After(today) {
			continue
		}
		ok, judged, err := meetingOnTime(s, m, model.MeetingDeadlines(cal, rule, m.Date))
		if err != nil {
			return st, err
		}
		if judged {
			st.Judged++
			st.Basis = append(st.Basis, m.Date.Display()+" "+m.Title)
			if ok {
				st.OnTime++
			}
		}
	}
	return st, nil
}

func meetingOnTime(s *Session, m model.Meeting, dl model.Deadlines) (onTime, judged bool, err error) {
	materials, err := s.Materials(m.ID)
	if err != nil {
		return false, false, err
	}
	attendees, err := s.Attendees(m.ID)
	if err != nil {
		return false, false, err
	}
	rows, err := s.Distributions(m.ID)
	if err != nil {
		return false, false, err
	}
	current := model.CurrentDistributions(rows)
	onTime = true
	for i := range materials {
		ver := materials[i].Latest()
		if ver == nil {
			continue
		}
		for _, a := range attendees {
			judged = true
			var d *model.Distribution
			if row, ok := current[model.CellKey{VersionID: ver.ID, MemberID: a.ID}]; ok {
				d = &row
			}
			st := model.StateOfCell(ver, d, dl)
			if st != model.CellOnTime && st != model.CellReceived {
				onTime = false
			}
		}
	}
	return onTime && judged, judged, nil
}
