package model

import "time"

// Kind is the kind of a case, one of the commission's duties.
type Kind string

// The kinds of case. The stored value is the constant's string, which never
// changes; the Vietnamese name shown to users comes from the translations.
const (
	KindRegularSupervision  Kind = "regular_supervision"  // giám sát thường xuyên
	KindThematicSupervision Kind = "thematic_supervision" // giám sát chuyên đề
	KindViolationInspection Kind = "violation_inspection" // kiểm tra khi có dấu hiệu vi phạm
	KindDutyInspection      Kind = "duty_inspection"      // kiểm tra thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật
	KindFinanceInspection   Kind = "finance_inspection"   // kiểm tra tài chính
	KindDenunciation        Kind = "denunciation"         // giải quyết tố cáo
	KindDisciplineComplaint Kind = "discipline_complaint" // giải quyết khiếu nại kỷ luật đảng
	KindDisciplineReview    Kind = "discipline_review"    // xem xét thi hành kỷ luật
	KindOther               Kind = "other"                // khác
)

// Kinds lists every kind in the order the case form offers them.
var Kinds = []Kind{
	KindRegularSupervision, KindThematicSupervision, KindViolationInspection,
	KindDutyInspection, KindFinanceInspection, KindDenunciation,
	KindDisciplineComplaint, KindDisciplineReview, KindOther,
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Status is the workflow state of a case.
type Status string

// The statuses of a case.
const (
	StatusDraft      Status = "draft"
	StatusInProgress Status = "in_progress"
	StatusClosed     Status = "closed"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusInProgress, StatusClosed}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	return s == StatusDraft || s == StatusInProgress || s == StatusClosed
}

// SubjectType is the type of a case's subject: a Party organisation or a
// Party member.
type SubjectType string

// The types of subject.
const (
	SubjectOrganisation SubjectType = "organisation" // tổ chức đảng
	SubjectMember       SubjectType = "member"       // đảng viên
)

// Subject is who a case inspects or supervises.
type Subject struct {
	Type SubjectType
	Name string
	Unit string
}

// Role is a team member's role in a case.
type Role string

// The roles in a team.
const (
	RoleLead      Role = "lead"      // trưởng đoàn
	RoleDeputy    Role = "deputy"    // phó đoàn
	RoleMember    Role = "member"    // thành viên
	RoleSecretary Role = "secretary" // thư ký
)

// Roles lists the roles in the order a team is shown.
var Roles = []Role{RoleLead, RoleDeputy, RoleMember, RoleSecretary}

// TeamMember is one person of a case's team.
type TeamMember struct {
	ID   string
	Name string
	Role Role
}

// Case is a case file (hồ sơ vụ việc): one inspection or supervision.
//
// PrepEnd and ExecEnd are the last days of the preparation and execution
// phases when the user moved them. Zero means they are computed from the
// period with DefaultShares.
type Case struct {
	Record
	Code           string
	Title          string
	Kind           Kind
	Subject        Subject
	Classification Classification
	Status         Status
	Lead           string
	Start, End     Date
	PrepEnd        Date
	ExecEnd        Date
	Team           []TeamMember
}

// Phases returns the three phases of c, from its moved boundaries when
// set and from DefaultShares otherwise.
func (c *Case) Phases() ([3]Phase, error) {
	if !c.PrepEnd.IsZero() && !c.ExecEnd.IsZero() {
		return PhasesWithBounds(c.Start, c.End, c.PrepEnd, c.ExecEnd)
	}
	return SplitPhases(c.Start, c.End, DefaultShares)
}

// TaskStatus is whether a task is still to do.
type TaskStatus string

// The statuses of a task.
const (
	TaskOpen TaskStatus = "open"
	TaskDone TaskStatus = "done"
)

// Task is one piece of work inside a phase of a case.
type Task struct {
	Record
	CaseID    string
	Phase     PhaseKind
	Title     string
	Assignee  string
	Deadline  Date
	Important bool
	Urgent    bool
	Status    TaskStatus
	DoneOn    Date
	Position  int
}

// Overdue reports whether t is open and its deadline is before today.
func (t *Task) Overdue(today Date) bool {
	return t.Status != TaskDone && !t.Deadline.IsZero() && t.Deadline.Before(today)
}

// Document is a file kept in a case, stored encrypted in the vault.
type Document struct {
	Record
	CaseID         string
	Name           string
	MediaType      string
	Size           int64
	SHA256         string
	Number         string
	Date           Date
	Classification Classification
}

// MaxDocumentSize is the largest file a case accepts, in bytes.
const MaxDocumentSize = 200 << 20

// JournalEntry is a dated note in a case's journal.
type JournalEntry struct {
	Record
	CaseID string
	Date   Date
	Text   string
}

// Record is the identity every stored record carries: a UUIDv7 id, when it
// was created, the hybrid logical clock value of its last change and the
// workstation that made it.
type Record struct {
	ID          string
	CreatedAt   time.Time
	UpdatedAt   HLC
	Workstation string
}
