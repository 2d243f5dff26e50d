-- Personal calendar, Pomodoro sessions, to-dos and task priorities. Every
-- table has the record columns of 001 (id, created_at, updated_at,
-- workstation, deleted), so that a bundle can carry it.

-- Calendar events and time blocks. A recurring series is one row with an
-- rrule; a changed occurrence is another row with the same uid and the
-- original start of the occurrence in recurrence_id. Timed events store
-- UTC instants (RFC 3339) and the IANA zone their rule runs in; all-day
-- events store civil dates, end_date inclusive.
CREATE TABLE events (
	id             TEXT PRIMARY KEY,
	uid            TEXT NOT NULL,
	recurrence_id  TEXT NOT NULL DEFAULT '', -- RFC 3339 UTC, or YYYY-MM-DD for all-day
	kind           TEXT NOT NULL,             -- event or block
	title          TEXT NOT NULL,
	location       TEXT NOT NULL DEFAULT '',
	notes          TEXT NOT NULL DEFAULT '',
	all_day        INTEGER NOT NULL DEFAULT 0,
	start_at       TEXT NOT NULL DEFAULT '',
	end_at         TEXT NOT NULL DEFAULT '',
	zone           TEXT NOT NULL DEFAULT '',
	start_date     TEXT NOT NULL DEFAULT '',
	end_date       TEXT NOT NULL DEFAULT '',
	rrule          TEXT NOT NULL DEFAULT '',
	exdates        TEXT NOT NULL DEFAULT '',  -- space-separated, same forms as recurrence_id
	cancelled      INTEGER NOT NULL DEFAULT 0,
	link_kind      TEXT NOT NULL DEFAULT '',  -- case, meeting, task or todo
	link_id        TEXT NOT NULL DEFAULT '',
	work_kind      TEXT NOT NULL DEFAULT '',  -- the kind of work a block is reserved for
	classification INTEGER NOT NULL DEFAULT 0,
	reminders      TEXT NOT NULL DEFAULT '',  -- minutes before the start, space-separated
	source         TEXT NOT NULL DEFAULT '',  -- '' for events made here, ics for imported ones
	sequence       INTEGER NOT NULL DEFAULT 0,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_by_uid ON events (uid, recurrence_id, deleted);
CREATE INDEX events_by_start ON events (deleted, start_at);
CREATE INDEX events_by_date ON events (deleted, start_date);

-- Pomodoro sessions that ran to their end (or were stopped after some
-- work), logged against a case task or a personal to-do.
CREATE TABLE pomodoro_sessions (
	id          TEXT PRIMARY KEY,
	task_kind   TEXT NOT NULL DEFAULT '', -- task, todo or '' for none
	task_id     TEXT NOT NULL DEFAULT '',
	phase       TEXT NOT NULL,            -- work, short_break or long_break
	started_at  TEXT NOT NULL,
	ended_at    TEXT NOT NULL,
	seconds     INTEGER NOT NULL,
	completed   INTEGER NOT NULL DEFAULT 1,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pomodoro_by_start ON pomodoro_sessions (deleted, started_at);
CREATE INDEX pomodoro_by_task ON pomodoro_sessions (task_id, deleted);

-- Personal to-dos: work of the officer outside any case.
CREATE TABLE todos (
	id          TEXT PRIMARY KEY,
	title       TEXT NOT NULL,
	notes       TEXT NOT NULL DEFAULT '',
	assignee    TEXT NOT NULL DEFAULT '',
	deadline    TEXT NOT NULL DEFAULT '',
	important   INTEGER NOT NULL DEFAULT 0,
	urgent      INTEGER NOT NULL DEFAULT 0,
	urgent_set  INTEGER NOT NULL DEFAULT 0, -- 1 when the user set urgent by hand
	status      TEXT NOT NULL,
	done_on     TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX todos_by_status ON todos (deleted, status, deadline);

-- Case tasks whose urgency the user set by hand on the Eisenhower board;
-- other tasks count as urgent from their deadline. The flag itself is
-- tasks.urgent.
CREATE TABLE task_urgency (
	id          TEXT PRIMARY KEY,
	task_id     TEXT NOT NULL REFERENCES tasks (id),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_urgency_by_task ON task_urgency (task_id, deleted);
