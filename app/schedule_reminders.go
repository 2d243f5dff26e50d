package app

import (
	"fmt"
	"time"

	"sotay/model"
)

// Setting keys of the personal schedule.
const (
	// SettingRemindersChecked is the instant (RFC 3339) up to which
	// reminders have been fired or listed.
	SettingRemindersChecked = "reminders_checked_at"
	// SettingPomodoro is the Pomodoro lengths in minutes:
	// "work short long every".
	SettingPomodoro = "pomodoro_minutes"
)

// maxReminderOffset is the longest time before an event at which it can
// remind. CheckReminders looks at events up to this far after now.
const maxReminderOffset = 7 * 24 * time.Hour

// CheckReminders returns the reminders that fell due since the last
// check, up to now, and records now as checked, so that each reminder
// is returned once. The first check of a vault returns none. After an
// unlock the result lists the reminders missed while the app was closed
// or locked, and the window shows them in one dialog.
func CheckReminders(s *Session, now time.Time) ([]model.Reminder, error) {
	last, err := s.Setting(SettingRemindersChecked, "")
	if err != nil {
		return nil, err
	}
	after, err := time.Parse(time.RFC3339, last)
	if err != nil || after.After(now) {
		after = now
	}
	// NOTE: reminders more than 60 days old are not listed, so that a
	// vault left closed for months does not open on a wall of them.
	if now.Sub(after) > 60*24*time.Hour {
		after = now.Add(-60 * 24 * time.Hour)
	}
	var due []model.Reminder
	if now.After(after) {
		first := model.DateOf(after.In(Zone))
		last := model.DateOf(now.Add(maxReminderOffset).In(Zone))
		items, err := Calendar(s, first, last)
		if err != nil {
			return nil, err
		}
		due = model.RemindersBetween(items, after, now, Zone)
	}
	if err := s.SetSetting(SettingRemindersChecked, now.UTC().Format(time.RFC3339)); err != nil {
		return nil, err
	}
	return due, nil
}

// Notice is the text of a desktop notification as translation keys.
// Notifications leave the app: Windows hands their text to a script in
// the temporary folder and Linux notification daemons keep a history on
// disk. So a Notice carries counts only, never a title, name or note.
type Notice struct {
	Title Message
	Body  Message
}

// PhaseEndNotice is the notification for the end of a Pomodoro phase.
func PhaseEndNotice(ended model.PomodoroPhase) Notice {
	key := "schedule.notify.break_over"
	if ended == model.PhaseWork {
		key = "schedule.notify.work_over"
	}
	return Notice{Title: Message{Key: "schedule.notify.pomodoro_title"}, Body: Message{Key: key}}
}

// ReminderNotice is the notification for reminders that fell due: how
// many events and how many deadlines, nothing else.
func ReminderNotice(due []model.Reminder) Notice {
	events, deadlines := 0, 0
	for _, r := range due {
		if r.Item.Kind == model.ItemTask || r.Item.Kind == model.ItemTodo {
			deadlines++
		} else {
			events++
		}
	}
	body := Message{Key: "schedule.notify.reminders", Args: []any{events, deadlines}}
	switch {
	case events == 0:
		body = Message{Key: "schedule.notify.due_today", Args: []any{deadlines}}
	case deadlines == 0:
		body = Message{Key: "schedule.notify.events", Args: []any{events}}
	}
	return Notice{Title: Message{Key: "schedule.notify.reminder_title"}, Body: body}
}

// LoadPomodoroConfig returns the Pomodoro lengths stored in the vault,
// the defaults when unset or invalid.
func LoadPomodoroConfig(s *Session) model.PomodoroConfig {
	v, err := s.Setting(SettingPomodoro, "")
	if err != nil || v == "" {
		return model.DefaultPomodoro
	}
	var work, short, long, every int
	if _, err := fmt.Sscanf(v, "%d %d %d %d", &work, &short, &long, &every); err != nil {
		return model.DefaultPomodoro
	}
	c := model.PomodoroConfig{Work: time.Duration(work) * time.Minute, ShortBreak: time.Duration(short) * time.Minute,
		LongBreak: time.Duration(long) * time.Minute, LongEvery: every}
	if c.Validate() != nil {
		return model.DefaultPomodoro
	}
	return c
}

// SavePomodoroConfig validates c and stores it in the vault.
func SavePomodoroConfig(s *Session, c model.PomodoroConfig) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.SetSetting(SettingPomodoro, fmt.Sprintf("%d %d %d %d", int(c.Work/time.Minute),
		int(c.ShortBreak/time.Minute), int(c.LongBreak/time.Minute), c.LongEvery))
}

// LoggedSessions returns the Pomodoro sessions that started on the days
// from first to last.
func LoggedSessions(s *Session, first, last model.Date) ([]model.PomodoroSession, error) {
	return s.PomodoroSessions(first.In(Zone), last.AddDays(1).In(Zone))
}
