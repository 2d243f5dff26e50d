-- Meetings, agendas, materials and the distribution record. Every table
-- has the record columns of 001 (id, created_at, updated_at, workstation,
-- deleted); the children of a meeting carry meeting_id, so that a bundle
-- can pick a meeting with everything in it.

-- The members directory: commission and standing-committee members, and
-- people outside the commission who are invited.
CREATE TABLE members (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL,
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX members_by_position ON members (deleted, position);

CREATE TABLE meetings (
	id             TEXT PRIMARY KEY,
	kind           TEXT NOT NULL,
	number         TEXT NOT NULL DEFAULT '',
	title          TEXT NOT NULL,
	meeting_date   TEXT NOT NULL,
	start_time     TEXT NOT NULL DEFAULT '',
	duration       INTEGER NOT NULL DEFAULT 0, -- minutes
	place          TEXT NOT NULL DEFAULT '',
	chair          TEXT NOT NULL DEFAULT '',
	classification INTEGER NOT NULL DEFAULT 0,
	status         TEXT NOT NULL,
	notes          TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meetings_by_date ON meetings (deleted, status, meeting_date);

-- Who attends a meeting. A removed attendee is a deletion mark; the
-- distribution rows to that member stay.
CREATE TABLE meeting_attendees (
	id          TEXT PRIMARY KEY,
	meeting_id  TEXT NOT NULL REFERENCES meetings (id),
	member_id   TEXT NOT NULL REFERENCES members (id),
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attendees_by_meeting ON meeting_attendees (meeting_id, deleted, position);

CREATE TABLE agenda_items (
	id          TEXT PRIMARY KEY,
	meeting_id  TEXT NOT NULL REFERENCES meetings (id),
	position    INTEGER NOT NULL,
	title       TEXT NOT NULL,
	presenter   TEXT NOT NULL DEFAULT '',
	case_id     TEXT NOT NULL DEFAULT '', -- a linked case, or ''
	duration    INTEGER NOT NULL DEFAULT 0, -- minutes
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_by_meeting ON agenda_items (meeting_id, deleted, position);

CREATE TABLE materials (
	id             TEXT PRIMARY KEY,
	meeting_id     TEXT NOT NULL REFERENCES meetings (id),
	item_id        TEXT NOT NULL REFERENCES agenda_items (id),
	title          TEXT NOT NULL,
	classification INTEGER NOT NULL DEFAULT 0,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX materials_by_meeting ON materials (meeting_id, deleted);

-- Versions of a material's file. The content is a blob like a case
-- document's; document_id names the case document it was linked from.
-- appraised_on is '' until the version is appraised.
CREATE TABLE material_versions (
	id           TEXT PRIMARY KEY,
	meeting_id   TEXT NOT NULL REFERENCES meetings (id),
	material_id  TEXT NOT NULL REFERENCES materials (id),
	version      INTEGER NOT NULL,
	name         TEXT NOT NULL,
	media_type   TEXT NOT NULL DEFAULT '',
	size         INTEGER NOT NULL,
	sha256       TEXT NOT NULL REFERENCES blobs (sha256),
	document_id  TEXT NOT NULL DEFAULT '',
	appraised_on TEXT NOT NULL DEFAULT '',
	appraised_by TEXT NOT NULL DEFAULT '',
	late_reason  TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	workstation  TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX versions_by_material ON material_versions (material_id, deleted, version);
CREATE INDEX versions_by_meeting ON material_versions (meeting_id, deleted);

-- The distribution record: one row per send of a version to a member.
-- Rows are not rewritten: a correction is a new row whose corrects names
-- the row it replaces. received_on is filled once, when receipt is
-- confirmed.
CREATE TABLE distributions (
	id          TEXT PRIMARY KEY,
	meeting_id  TEXT NOT NULL REFERENCES meetings (id),
	version_id  TEXT NOT NULL REFERENCES material_versions (id),
	member_id   TEXT NOT NULL REFERENCES members (id),
	sent_on     TEXT NOT NULL DEFAULT '',
	channel     TEXT NOT NULL DEFAULT '',
	received_on TEXT NOT NULL DEFAULT '',
	late_reason TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	corrects    TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX distributions_by_meeting ON distributions (meeting_id, deleted, version_id, member_id);
CREATE INDEX distributions_by_corrects ON distributions (corrects);
CREATE INDEX distributions_by_cell ON distributions (meeting_id, deleted, version_id, member_id, sent_on);
CREATE INDEX attendees_by_member ON meeting_attendees (meeting_id, member_id, deleted);
