package app

import (
	"time"

	"sotay/model"
)

// meetingItems returns the meetings from first to last and the
// distribution deadlines in that range of the meetings still planned.
func meetingItems(s *Session, first, last model.Date) ([]model.CalendarItem, error) {
	rules, err := LoadMeetingRules(s)
	if err != nil {
		return nil, err
	}
	// A meeting after the range can have its deadline inside it.
	meetings, err := s.Meetings(first, last.AddDays(2*model.MaxDistributionDays+30))
	if err != nil {
		return nil, err
	}
	in := func(d model.Date) bool { return !d.Before(first) && !d.After(last) }
	var items []model.CalendarItem
	for _, m := range meetings {
		if in(m.Date) {
			items = append(items, meetingItem(m))
		}
		if m.Status != model.MeetingPlanned {
			continue
		}
		if dl := rules.Deadlines(m); in(dl.Deadline) {
			items = append(items, model.CalendarItem{Kind: model.ItemDistribution, Title: m.Title,
				Detail: m.Date.Display(), StartDate: dl.Deadline, EndDate: dl.Deadline,
				Classification: m.Classification, Ref: m.ID})
		}
	}
	return items, nil
}

// meetingItem returns a meeting as a timed item when it has a start time,
// and as an all-day one otherwise. A meeting with no planned length
// takes two hours in the views.
func meetingItem(m model.Meeting) model.CalendarItem {
	it := model.CalendarItem{Kind: model.ItemMeeting, Title: m.Title, StartDate: m.Date, EndDate: m.Date,
		Classification: m.Classification, Ref: m.ID}
	if m.Status == model.MeetingCancelled {
		return it
	}
	clock, err := time.Parse("15:04", m.Time)
	if err != nil {
		return it
	}
	length := time.Duration(m.Duration) * time.Minute
	if length <= 0 {
		length = 2 * time.Hour
	}
	it.Start = m.Date.In(Zone).Add(time.Duration(clock.Hour())*time.Hour + time.Duration(clock.Minute())*time.Minute)
	it.End = it.Start.Add(length)
	return it
}
