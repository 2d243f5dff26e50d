-- A per-meeting summary of the counts that meeting readiness is judged
-- on, so that the Hôm nay screen reads one row per meeting instead of
-- every distribution row.
--
-- The table is a cache, not a record table: it has none of the record
-- columns, bundles never carry it, and it can be emptied at any time.
-- A meeting has a row only while its counts are current. The triggers
-- below delete the row of every meeting that a write to its materials,
-- versions, attendees or distribution rows may change, whatever code
-- makes the write (bundle import included). PlannedMeetingProgress counts
-- the meetings that have no row again and stores the result. The table
-- starts empty, so the meetings of an existing vault are counted on the
-- first read.
--
-- The counts of a meeting depend only on the rows that carry its id, so
-- changing a meeting's date or status leaves its row valid.
CREATE TABLE meeting_progress (
	meeting_id     TEXT PRIMARY KEY,
	materials      INTEGER NOT NULL, -- live materials with a live version
	appraised      INTEGER NOT NULL, -- of those, latest version appraised
	last_appraised TEXT NOT NULL,    -- latest appraisal day, or ''
	attendees      INTEGER NOT NULL, -- live attendees
	cells_sent     INTEGER NOT NULL, -- cells with a current send
	last_sent      TEXT NOT NULL     -- latest first-send day of a cell, or ''
) WITHOUT ROWID;

CREATE TRIGGER meeting_progress_meeting_delete AFTER DELETE ON meetings BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.id;
END;

-- A material counts through its versions, which may in a damaged or
-- half-imported vault carry another meeting id than the material.
CREATE TRIGGER meeting_progress_material_insert AFTER INSERT ON materials BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = NEW.meeting_id;
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id = NEW.id);
END;
CREATE TRIGGER meeting_progress_material_update AFTER UPDATE ON materials BEGIN
	DELETE FROM meeting_progress WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER meeting_progress_material_delete AFTER DELETE ON materials BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.meeting_id;
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id = OLD.id);
END;

-- A version counts when it is the newest live one of its material, so a
-- write to one version touches the meetings of all its siblings.
CREATE TRIGGER meeting_progress_version_insert AFTER INSERT ON material_versions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id = NEW.material_id);
END;
CREATE TRIGGER meeting_progress_version_update AFTER UPDATE ON material_versions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.meeting_id;
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id IN (OLD.material_id, NEW.material_id));
END;
CREATE TRIGGER meeting_progress_version_delete AFTER DELETE ON material_versions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.meeting_id;
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM material_versions WHERE material_id = OLD.material_id);
END;

CREATE TRIGGER meeting_progress_attendee_insert AFTER INSERT ON meeting_attendees BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = NEW.meeting_id;
END;
CREATE TRIGGER meeting_progress_attendee_update AFTER UPDATE ON meeting_attendees BEGIN
	DELETE FROM meeting_progress WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER meeting_progress_attendee_delete AFTER DELETE ON meeting_attendees BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.meeting_id;
END;

-- A correction changes the cell of the row it names, which may belong to
-- another meeting than the correction itself.
CREATE TRIGGER meeting_progress_distribution_insert AFTER INSERT ON distributions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = NEW.meeting_id;
	DELETE FROM meeting_progress WHERE NEW.corrects != ''
		AND meeting_id = (SELECT meeting_id FROM distributions WHERE id = NEW.corrects);
END;
CREATE TRIGGER meeting_progress_distribution_update AFTER UPDATE ON distributions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
	DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT meeting_id FROM distributions WHERE id IN (OLD.corrects, NEW.corrects));
END;
CREATE TRIGGER meeting_progress_distribution_delete AFTER DELETE ON distributions BEGIN
	DELETE FROM meeting_progress WHERE meeting_id = OLD.meeting_id;
	DELETE FROM meeting_progress WHERE OLD.corrects != ''
		AND meeting_id = (SELECT meeting_id FROM distributions WHERE id = OLD.corrects);
END;
