package app

import (
	"errors"

	"sotay/model"
	"sotay/vault"
)

// ExplainSchedule returns the message for an error of the calendar,
// Pomodoro and .ics operations, and Explain's for any other.
func ExplainSchedule(err error) Message {
	var ve *vault.ValidationError
	if errors.As(err, &ve) {
		switch ve.Field {
		case vault.FieldEventTitle, vault.FieldEventTime, vault.FieldEventRule:
			return Message{Key: "schedule.err." + string(ve.Field)}
		}
	}
	switch {
	case errors.Is(err, ErrNotCalendar):
		return Message{Key: "schedule.err.not_calendar"}
	case errors.Is(err, ErrNotEvent):
		return Message{Key: "schedule.err.not_event"}
	case errors.Is(err, ErrUrgentDays):
		return Message{Key: "schedule.err.urgent_days"}
	case errors.Is(err, model.ErrPomodoroConfig):
		return Message{Key: "schedule.err.pomodoro_config"}
	}
	return Explain(err)
}
