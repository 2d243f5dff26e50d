package app

import (
	"errors"

	"sotay/model/workday"
	"sotay/vault"
)

// meetingFields are the validation fields whose messages live in the
// meetings translations, under "meetings.err.FIELD".
var meetingFields = map[vault.Field]bool{
	vault.FieldMeetingTitle: true, vault.FieldMeetingDate: true, vault.FieldMeetingTime: true,
	vault.FieldDuration: true, vault.FieldMemberName: true, vault.FieldAgendaTitle: true,
	vault.FieldMaterialTitle: true, vault.FieldMaterialFile: true, vault.FieldAppraisedOn: true,
	vault.FieldSentOn: true, vault.FieldChannel: true, vault.FieldReason: true,
}

// ExplainMeeting returns the message for an error of the meeting
// operations and the working-day calendar, and Explain's for any other.
func ExplainMeeting(err error) Message {
	var ve *vault.ValidationError
	if errors.As(err, &ve) && meetingFields[ve.Field] {
		return Message{Key: "meetings.err." + string(ve.Field)}
	}
	var he *HeaderError
	if errors.As(err, &he) {
		return Message{Key: "meetings.err.header_" + he.Field}
	}
	var ce *workday.ConflictError
	if errors.As(err, &ce) {
		return Message{Key: "meetings.err.schedule_conflict", Args: []any{ce.Year, ce.Date.Display()}}
	}
	known := []struct {
		err error
		key string
	}{
		{ErrLateReasonRequired, "meetings.err.late_reason"},
		{ErrDistributionDays, "meetings.err.days_range"},
		{vault.ErrNotAppraised, "meetings.err.not_appraised"},
		{vault.ErrAlreadyAppraised, "meetings.err.already_appraised"},
		{vault.ErrAlreadySent, "meetings.err.already_sent"},
		{vault.ErrAlreadyReceived, "meetings.err.already_received"},
		{vault.ErrMaterialsSent, "meetings.err.materials_sent"},
		{vault.ErrNotAttendee, "meetings.err.not_attendee"},
	}
	for _, k := range known {
		if errors.Is(err, k.err) {
			return Message{Key: k.key}
		}
	}
	if errors.Is(err, workday.ErrInvalidRules) {
		return Message{Key: "meetings.err.invalid_calendar", Args: []any{err.Error()}}
	}
	return Explain(err)
}
