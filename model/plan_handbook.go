package model

// HandbookEntry is the guidance for one template task (sổ tay nghiệp
// vụ): what to do, the legal basis, the forms it needs, and its usual
// time limit. Kind, when set, limits the entry to one kind of case and
// takes precedence over the entry for every kind. LimitDays, when not 0,
// is counted from the start of the case, in working days when
// LimitWorking is set; Extension is the days it may be extended by.
type HandbookEntry struct {
	Record
	TaskTitle    string
	Kind         Kind
	Guidance     string
	LegalBasis   string
	Forms        string
	LimitDays    int
	LimitWorking bool
	Extension    int
}

// Deadline returns the day the entry's time limit ends for a case that
// starts on start: the start counts as day 0, so a limit of 90 working
// days ends on the 90th working day after it. ok is false for an entry
// with no limit.
func (e HandbookEntry) Deadline(start Date, cal ReportCalendar) (d Date, ok bool) {
	if e.LimitDays <= 0 {
		return Date{}, false
	}
	if e.LimitWorking {
		return cal.AddWorkingDays(start, e.LimitDays), true
	}
	return start.AddDays(e.LimitDays), true
}

// HandbookFor returns the entry for a task of a case of kind k: the
// entry for that kind when there is one, else the entry for every kind.
func HandbookFor(entries []HandbookEntry, title string, k Kind) (HandbookEntry, bool) {
	var general *HandbookEntry
	for i := range entries {
		e := &entries[i]
		if e.TaskTitle != title {
			continue
		}
		if e.Kind == k {
			return *e, true
		}
		if e.Kind == "" && general == nil {
			general = e
		}
	}
	if general != nil {
		return *general, true
	}
	return HandbookEntry{}, false
}
