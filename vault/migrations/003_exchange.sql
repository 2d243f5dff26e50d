-- Officer keys, the key directory and bundle bookkeeping.

-- The officer identity of this vault: an age X25519 key pair for receiving
-- bundles and an Ed25519 key pair for signing them. At most one live row;
-- it is created on first use, so that a new vault can take the identity
-- of a whole-vault backup when it is restored.
CREATE TABLE officer_keys (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	title         TEXT NOT NULL DEFAULT '',
	age_identity  TEXT NOT NULL,     -- AGE-SECRET-KEY-1…
	ed25519_seed  TEXT NOT NULL,     -- 32-byte seed, hexadecimal
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	workstation   TEXT NOT NULL,
	deleted       INTEGER NOT NULL DEFAULT 0
);

-- The key directory (danh bạ khóa): other officers' public key cards. A
-- record table like the others, so that a whole-vault backup carries it.
-- id is the hexadecimal SHA-256 fingerprint of the card's keys.
CREATE TABLE key_directory (
	id             TEXT PRIMARY KEY,
	name           TEXT NOT NULL,
	title          TEXT NOT NULL DEFAULT '',
	age_recipient  TEXT NOT NULL,    -- age1…
	ed25519_public TEXT NOT NULL,    -- 32 bytes, hexadecimal
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	workstation    TEXT NOT NULL,
	deleted        INTEGER NOT NULL DEFAULT 0
);

-- Links a member of the meetings directory to the key card of that
-- member, so that a meeting pack is encrypted to the right key. id is
-- the member's id; no foreign key, because the members table is created
-- by another migration.
CREATE TABLE member_keys (
	id          TEXT PRIMARY KEY,
	fingerprint TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	deleted     INTEGER NOT NULL DEFAULT 0
);

-- Per sender key: the highest bundle sequence number imported, for replay
-- detection.
CREATE TABLE exchange_peers (
	fingerprint   TEXT PRIMARY KEY,
	last_sequence INTEGER NOT NULL,
	last_import   TEXT NOT NULL
) WITHOUT ROWID;

-- Per workstation: the highest clock value of its records that this vault
-- has received. A bundle carries the sender's copy of this table, so the
-- receiver can tell whether the sender had seen a local change.
CREATE TABLE exchange_seen (
	workstation TEXT PRIMARY KEY,
	last_hlc    TEXT NOT NULL
) WITHOUT ROWID;

-- Records changed on both sides since the two vaults last exchanged. The
-- newer version is in its table; the other one is kept here, as the JSON
-- object of its columns, until the user resolves the conflict.
CREATE TABLE exchange_conflicts (
	id          TEXT PRIMARY KEY,
	table_name  TEXT NOT NULL,
	record_id   TEXT NOT NULL,
	version     TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	workstation TEXT NOT NULL,
	sender      TEXT NOT NULL,
	detected_at TEXT NOT NULL,
	resolved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conflicts_open ON exchange_conflicts (resolved_at, detected_at);

-- Every bundle written or imported, with the user's confirmation when a
-- bundle above the classification allowed for USB was written anyway.
CREATE TABLE exchange_log (
	id             TEXT PRIMARY KEY,
	direction      TEXT NOT NULL,    -- out or in
	at             TEXT NOT NULL,
	kind           TEXT NOT NULL,
	sequence       INTEGER NOT NULL,
	peers          TEXT NOT NULL,    -- fingerprints, or "passphrase"
	records        INTEGER NOT NULL,
	attachments    INTEGER NOT NULL,
	classification INTEGER NOT NULL,
	over_limit_confirmed INTEGER NOT NULL DEFAULT 0,
	file_name      TEXT NOT NULL
);
