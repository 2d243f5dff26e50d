package model

// MeetingKind is the body that meets.
type MeetingKind string

// The kinds of meeting. The stored value never changes; the name shown
// comes from the translations.
const (
	MeetingCommission MeetingKind = "commission" // Hội nghị Ủy ban Kiểm tra
	MeetingStanding   MeetingKind = "standing"   // Thường trực Ủy ban Kiểm tra
	MeetingOther      MeetingKind = "other"
)

// MeetingKinds lists the kinds in the order the meeting form offers them.
var MeetingKinds = []MeetingKind{MeetingCommission, MeetingStanding, MeetingOther}

// Valid reports whether k is one of MeetingKinds.
func (k MeetingKind) Valid() bool {
	return k == MeetingCommission || k == MeetingStanding || k == MeetingOther
}

// MeetingStatus is whether a meeting is still to come.
type MeetingStatus string

// The statuses of a meeting.
const (
	MeetingPlanned   MeetingStatus = "planned"
	MeetingHeld      MeetingStatus = "held"
	MeetingCancelled MeetingStatus = "cancelled"
)

// MeetingStatuses lists every status in workflow order.
var MeetingStatuses = []MeetingStatus{MeetingPlanned, MeetingHeld, MeetingCancelled}

// Valid reports whether s is one of MeetingStatuses.
func (s MeetingStatus) Valid() bool {
	return s == MeetingPlanned || s == MeetingHeld || s == MeetingCancelled
}

// MemberRole is a person's place in the members directory.
type MemberRole string

// The roles of the members directory.
const (
	MemberStanding   MemberRole = "standing"   // thường trực: chủ nhiệm, phó chủ nhiệm
	MemberCommission MemberRole = "commission" // ủy viên Ủy ban Kiểm tra
	MemberGuest      MemberRole = "guest"      // người ngoài Ủy ban được mời
)

// MemberRoles lists the roles in the order the directory shows them.
var MemberRoles = []MemberRole{MemberStanding, MemberCommission, MemberGuest}

// Valid reports whether r is one of MemberRoles.
func (r MemberRole) Valid() bool {
	return r == MemberStanding || r == MemberCommission || r == MemberGuest
}

// Member is a person of the members directory, kept once and picked for
// each meeting.
type Member struct {
	Record
	Name     string
	Title    string // chức vụ, such as "Phó Chủ nhiệm"
	Role     MemberRole
	Position int
}

// Meeting is a meeting of the commission or of its standing committee.
// Time is the start time as HH:MM, or empty; Duration is the planned
// length in minutes, or 0 when not set.
type Meeting struct {
	Record
	Kind           MeetingKind
	Number         string
	Title          string
	Date           Date
	Time           string
	Duration       int
	Place          string
	Chair          string
	Classification Classification
	Status         MeetingStatus
	Notes          string
}

// AgendaItem is one item of a meeting's agenda (chương trình). CaseID is
// the linked case, or empty. Duration is in minutes.
type AgendaItem struct {
	Record
	MeetingID string
	Position  int
	Title     string
	Presenter string
	CaseID    string
	Duration  int
}

// Material is a document put before a meeting under one agenda item. Its
// content lives in its versions.
type Material struct {
	Record
	MeetingID      string
	ItemID         string
	Title          string
	Classification Classification
}

// MaterialVersion is one version of a material's file, numbered from 1.
// The file is stored in the vault like a case document; DocumentID names
// the case document it was linked from, if any. A version is appraised
// (thẩm định) once AppraisedOn is set, and only then can it be sent.
// LateReason is why it was appraised after the distribution deadline.
type MaterialVersion struct {
	Record
	MeetingID   string
	MaterialID  string
	Version     int
	Name        string
	MediaType   string
	Size        int64
	SHA256      string
	DocumentID  string
	AppraisedOn Date
	AppraisedBy string
	LateReason  string
}

// Appraised reports whether v has been appraised.
func (v *MaterialVersion) Appraised() bool { return !v.AppraisedOn.IsZero() }

// Channel is how a material reached a member.
type Channel string

// The channels of distribution.
const (
	ChannelBundle Channel = "bundle" // encrypted bundle on a USB stick
	ChannelPaper  Channel = "paper"  // printed copy
	ChannelSystem Channel = "system" // the agency's document system
	ChannelHand   Channel = "hand"   // handed over in person
)

// Channels lists the channels in the order forms offer them.
var Channels = []Channel{ChannelPaper, ChannelBundle, ChannelSystem, ChannelHand}

// Valid reports whether c is one of Channels.
func (c Channel) Valid() bool {
	return c == ChannelBundle || c == ChannelPaper || c == ChannelSystem || c == ChannelHand
}

// Distribution records that one version of a material was sent to one
// member. Rows are never rewritten: a correction is a new row whose
// Corrects names the row it replaces, with the reason in Note. A zero
// SentOn in a correction withdraws the send. ReceivedOn is set once,
// when receipt is confirmed.
type Distribution struct {
	Record
	MeetingID  string
	VersionID  string
	MemberID   string
	SentOn     Date
	Channel    Channel
	ReceivedOn Date
	LateReason string
	Note       string
	Corrects   string
}
