package app

import (
	"time"

	"sotay/model"
	"sotay/vault"
)

// Zone is where the users are: every instant is shown in it and "today"
// is its civil date.
var Zone = mustLoadZone("Asia/Ho_Chi_Minh")

func mustLoadZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// The binary embeds time/tzdata, so this only happens in a build
		// that dropped it.
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}

// Today returns today's date in Vietnam.
func Today() model.Date { return model.DateOf(time.Now().In(Zone)) }

// ListOrSearch returns the whole case list in its default order when
// query is empty, and the search results in rank order otherwise.
func ListOrSearch(s *Session, query string, today model.Date) ([]vault.CaseSummary, error) {
	if model.Normalize(query) != "" {
		return s.SearchCases(query, today, 0)
	}
	var all []vault.CaseSummary
	for offset := 0; ; offset += 500 {
		page, err := s.ListCases(vault.CaseQuery{Today: today, Offset: offset, Limit: 500})
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < 500 {
			return all, nil
		}
	}
}

// TodayWindow is how far ahead the Hôm nay screen lists deadlines.
const TodayWindow = 14

// Upcoming returns the open tasks overdue or due within TodayWindow days.
func Upcoming(s *Session, today model.Date) ([]vault.DueTask, error) {
	return s.DueTasks(today.AddDays(TodayWindow), 500)
}
