-- Yearly plans, the reporting regime, KPIs, document templates, the
-- document number register and the outcome fields of a case. Every table
-- has the record columns of 001 (id, created_at, updated_at, workstation,
-- deleted).

-- One planned inspection or supervision of a year's plan. case_id is ''
-- until the case starts.
CREATE TABLE plan_items (
	id          TEXT PRIMARY KEY,
	year        INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	title       TEXT NOT NULL,
	subject     TEXT NOT NULL DEFAULT '',
	lead        TEXT NOT NULL DEFAULT '',
	quarter     INTEGER NOT NULL,
	month       INTEGER NOT NULL DEFAULT 0,
	week        INTEGER NOT NULL DEFAULT 0,
	case_id     TEXT NOT NULL DEFAULT '',
	notes       TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_items_by_year ON plan_items (deleted, year, quarter, month, position);

-- The history of an item's planned quarter and month; rows are only
-- added.
CREATE TABLE plan_moves (
	id           TEXT PRIMARY KEY,
	item_id      TEXT NOT NULL REFERENCES plan_items (id),
	from_quarter INTEGER NOT NULL,
	from_month   INTEGER NOT NULL,
	to_quarter   INTEGER NOT NULL,
	to_month     INTEGER NOT NULL,
	moved_on     TEXT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	workstation  TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_moves_by_item ON plan_moves (item_id, moved_on);

-- The reporting regime: one row per kind of report and its due rule.
CREATE TABLE report_rules (
	id          TEXT PRIMARY KEY,
	code        TEXT NOT NULL,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	period      TEXT NOT NULL DEFAULT '',
	cutoff      INTEGER NOT NULL DEFAULT 0,
	due_kind    TEXT NOT NULL,
	due_n       INTEGER NOT NULL DEFAULT 0,
	due_later   INTEGER NOT NULL DEFAULT 0,
	recipient   TEXT NOT NULL DEFAULT '',
	form        TEXT NOT NULL DEFAULT '',
	active      INTEGER NOT NULL DEFAULT 1,
	position    INTEGER NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);

-- The reports of a year's calendar. period_start and period_end with
-- rule_id identify a report, so that regenerating the calendar keeps the
-- status of the reports already there.
CREATE TABLE reports (
	id           TEXT PRIMARY KEY,
	rule_id      TEXT NOT NULL,
	year         INTEGER NOT NULL,
	period_start TEXT NOT NULL,
	period_end   TEXT NOT NULL,
	label        TEXT NOT NULL,
	due          TEXT NOT NULL,
	status       TEXT NOT NULL,
	sent_on      TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	workstation  TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reports_by_due ON reports (deleted, due);
CREATE INDEX reports_by_rule ON reports (rule_id, period_start);

-- The KPI catalogue. formula is '' for a manual KPI.
CREATE TABLE kpis (
	id           TEXT PRIMARY KEY,
	code         TEXT NOT NULL,
	name         TEXT NOT NULL,
	objective    TEXT NOT NULL DEFAULT '',
	unit         TEXT NOT NULL DEFAULT '',
	target       REAL NOT NULL DEFAULT 0,
	exceed       REAL NOT NULL DEFAULT 0,
	lower_better INTEGER NOT NULL DEFAULT 0,
	frequency    TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	method       TEXT NOT NULL DEFAULT '',
	measurer     TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	scope        TEXT NOT NULL DEFAULT 'unit',
	formula      TEXT NOT NULL DEFAULT '',
	position     INTEGER NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	workstation  TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0
);

-- Values of manual KPIs, one per KPI and period.
CREATE TABLE kpi_values (
	id           TEXT PRIMARY KEY,
	kpi_id       TEXT NOT NULL REFERENCES kpis (id),
	period_start TEXT NOT NULL,
	period_end   TEXT NOT NULL,
	value        REAL NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	workstation  TEXT NOT NULL,
	deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kpi_values_by_kpi ON kpi_values (kpi_id, deleted, period_start);

-- Document templates: form is the short name `sotay doc --form` takes,
-- body the text with {{field}} placeholders.
CREATE TABLE doc_templates (
	id          TEXT PRIMARY KEY,
	form        TEXT NOT NULL,
	name        TEXT NOT NULL,
	doc_type    TEXT NOT NULL,
	title       TEXT NOT NULL,
	body        TEXT NOT NULL,
	recipients  TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);

-- The number register. A (doc_type, term, seq) is issued once and the
-- row stays, voided or not, so that a number is never given twice.
CREATE TABLE doc_numbers (
	id          TEXT PRIMARY KEY,
	doc_type    TEXT NOT NULL,
	term        TEXT NOT NULL,
	seq         INTEGER NOT NULL,
	issuer      TEXT NOT NULL,
	issued_on   TEXT NOT NULL,
	subject     TEXT NOT NULL DEFAULT '',
	case_id     TEXT NOT NULL DEFAULT '',
	voided      INTEGER NOT NULL DEFAULT 0,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX doc_numbers_unique ON doc_numbers (doc_type, term, seq);

-- What a case found and decided, one row per case (id is the case's id).
CREATE TABLE case_outcomes (
	id                  TEXT PRIMARY KEY,
	case_id             TEXT NOT NULL REFERENCES cases (id),
	findings            TEXT NOT NULL DEFAULT '',
	violations          INTEGER NOT NULL DEFAULT 0,
	conclusion          TEXT NOT NULL DEFAULT '',
	discipline_proposed TEXT NOT NULL DEFAULT '',
	discipline_decided  TEXT NOT NULL DEFAULT '',
	decision_date       TEXT NOT NULL DEFAULT '',
	notice_date         TEXT NOT NULL DEFAULT '',
	created_at          TEXT NOT NULL,
	updated_at          TEXT NOT NULL,
	workstation         TEXT NOT NULL,
	deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX case_outcomes_by_case ON case_outcomes (case_id);

-- The handbook: guidance for each template task, matched by its title,
-- for every kind of case (kind '') or one kind. limit_days, when not 0,
-- is the time limit from the start of the case that sets the task's
-- deadline, in working days when limit_working is 1.
CREATE TABLE handbook (
	id            TEXT PRIMARY KEY,
	task_title    TEXT NOT NULL,
	kind          TEXT NOT NULL DEFAULT '',
	guidance      TEXT NOT NULL DEFAULT '',
	legal_basis   TEXT NOT NULL DEFAULT '',
	forms         TEXT NOT NULL DEFAULT '',
	limit_days    INTEGER NOT NULL DEFAULT 0,
	limit_working INTEGER NOT NULL DEFAULT 0,
	extension     INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	workstation   TEXT NOT NULL,
	deleted       INTEGER NOT NULL DEFAULT 0
);
