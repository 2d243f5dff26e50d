package model

// Outcome is the findings and decisions of a case, the fields a report
// counts violations and discipline from. DecisionDate is the date of the
// decision that opened the case, NoticeDate that of the notice of
// conclusion (thông báo kết luận).
type Outcome struct {
	Record
	CaseID             string
	Findings           string
	Violations         int
	Conclusion         string
	DisciplineProposed string
	DisciplineDecided  string
	DecisionDate       Date
	NoticeDate         Date
}

// PeriodCounts are the figures a report draft starts from: cases active
// in the period by kind, phase and status, meetings held, meetings whose
// materials all went out on time, and violations and discipline.
type PeriodCounts struct {
	Period             Period
	Cases              int
	ByKind             map[Kind]int
	ByPhase            map[PhaseKind]int
	ByStatus           map[Status]int
	Started            int
	Closed             int
	MeetingsHeld       int
	MeetingsOnTime     int
	MeetingsJudged     int
	CasesWithViolation int
	Violations         int
	DisciplineProposed int
	DisciplineDecided  int
	TasksDue           int
	TasksDoneOnTime    int
}
