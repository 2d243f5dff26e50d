-- Personal calendar, Pomodoro sessions, to-dos and reminders.
-- Reserved; the schedule change fills it in.
SELECT 1;
