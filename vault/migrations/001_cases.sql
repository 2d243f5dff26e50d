-- Vault metadata: workstation id, creation time.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Settings of this vault (auto-lock, counting rules). Not secret, but kept
-- here because they belong to the vault, not to the workstation.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Every record table carries: id (UUIDv7), created_at (RFC 3339 UTC),
-- updated_at (hybrid logical clock, sortable text), workstation (the id of
-- the workstation that made the last change) and deleted (a deletion mark
-- instead of a hard delete, so that deletions can travel to other vaults).

CREATE TABLE cases (
	id             TEXT PRIMARY KEY,
	code           TEXT NOT NULL,
	title          TEXT NOT NULL,
	kind           TEXT NOT NULL,
	subject_type   TEXT NOT NULL DEFAULT '',
	subject_name   TEXT NOT NULL DEFAULT '',
	subject_unit   TEXT NOT NULL DEFAULT '',
	classification INTEGER NOT NULL DEFAULT 0,
	status         TEXT NOT NULL,
	lead           TEXT NOT NULL DEFAULT '',
	start_date     TEXT NOT NULL,
	end_date       TEXT NOT NULL,
	prep_end       TEXT NOT NULL DEFAULT '',
	exec_end       TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_by_start ON cases (deleted, start_date DESC, code);
CREATE INDEX cases_by_code ON cases (deleted, code);

CREATE TABLE team_members (
	id          TEXT PRIMARY KEY,
	case_id     TEXT NOT NULL REFERENCES cases (id),
	name        TEXT NOT NULL,
	role        TEXT NOT NULL,
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX team_by_case ON team_members (case_id, position);

CREATE TABLE tasks (
	id          TEXT PRIMARY KEY,
	case_id     TEXT NOT NULL REFERENCES cases (id),
	phase       INTEGER NOT NULL,
	title       TEXT NOT NULL,
	assignee    TEXT NOT NULL DEFAULT '',
	deadline    TEXT NOT NULL DEFAULT '',
	important   INTEGER NOT NULL DEFAULT 0,
	urgent      INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL,
	done_on     TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_by_case ON tasks (case_id, deleted, status, deadline);
CREATE INDEX tasks_by_deadline ON tasks (deleted, status, deadline);

-- File contents, keyed by SHA-256 and stored in chunks of at most 1 MiB so
-- that a 200 MiB file is never held in memory whole.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE blob_chunks (
	sha256 TEXT NOT NULL,
	seq    INTEGER NOT NULL,
	data   BLOB NOT NULL,
	PRIMARY KEY (sha256, seq)
);

CREATE TABLE documents (
	id             TEXT PRIMARY KEY,
	case_id        TEXT NOT NULL REFERENCES cases (id),
	name           TEXT NOT NULL,
	media_type     TEXT NOT NULL DEFAULT '',
	size           INTEGER NOT NULL,
	sha256         TEXT NOT NULL REFERENCES blobs (sha256),
	number         TEXT NOT NULL DEFAULT '',
	doc_date       TEXT NOT NULL DEFAULT '',
	classification INTEGER NOT NULL DEFAULT 0,
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_by_case ON documents (case_id, deleted);

CREATE TABLE journal (
	id          TEXT PRIMARY KEY,
	case_id     TEXT NOT NULL REFERENCES cases (id),
	entry_date  TEXT NOT NULL,
	text        TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX journal_by_case ON journal (case_id, deleted, entry_date);

-- Search index over folded text (marks removed, đ as d), one row per case
-- with rowid = cases.rowid. The vault keeps it in step on every write.
CREATE VIRTUAL TABLE case_search USING fts5 (
	code, title, subject, notes,
	tokenize = 'unicode61 remove_diacritics 0'
);
