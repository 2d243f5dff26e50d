package vault

import "errors"

// Errors of the meeting operations.
var (
	// ErrNotAppraised is returned when a version that is not appraised
	// is marked as sent.
	ErrNotAppraised = errors.New("material version not appraised")
	// ErrAlreadyAppraised is returned when an appraised version is
	// appraised again; a change needs a new version.
	ErrAlreadyAppraised = errors.New("material version already appraised")
	// ErrAlreadySent is returned when a send is recorded for a member who
	// already has one for that version; the existing row must be
	// corrected instead, with a reason.
	ErrAlreadySent = errors.New("material already sent to this member")
	// ErrAlreadyReceived is returned when receipt is confirmed twice.
	ErrAlreadyReceived = errors.New("receipt already confirmed")
	// ErrMaterialsSent is returned by RemoveAttendee, without the
	// confirmed flag, for a member who was already sent materials.
	ErrMaterialsSent = errors.New("materials were already sent to this member")
	// ErrNotAttendee is returned when a send names a member who does not
	// attend the meeting.
	ErrNotAttendee = errors.New("member does not attend the meeting")
)

// The fields of meeting records that a ValidationError names.
const (
	FieldMeetingTitle  Field = "meeting_title"
	FieldMeetingDate   Field = "meeting_date"
	FieldMeetingTime   Field = "meeting_time"
	FieldDuration      Field = "duration"
	FieldMemberName    Field = "member_name"
	FieldAgendaTitle   Field = "agenda_title"
	FieldMaterialTitle Field = "material_title"
	FieldMaterialFile  Field = "material_file"
	FieldAppraisedOn   Field = "appraised_on"
	FieldSentOn        Field = "sent_on"
	FieldChannel       Field = "channel"
	FieldReason        Field = "reason"
)
