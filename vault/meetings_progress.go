package vault

import (
	"database/sql"

	"sotay/model"
)

// MeetingProgress is a meeting with the counts its readiness is judged
// on.
type MeetingProgress struct {
	model.Meeting
	Progress model.MeetingProgress
}

// PlannedMeetingProgress returns the planned meetings held on or after
// from, by date, each with the counts of its distribution: the latest
// version of each live material, the live attendees, and the cells with
// a current send. The counting runs in SQL, one grouped query per count,
// so that the Hôm nay screen reads one row per meeting.
//
// NOTE: the sent-cells query visits every distribution row of the range
// and joins it to its version, material and attendee. Under SQLCipher
// that takes seconds for 60,000 cells (BenchmarkMeetingReadiness), far
// over the 50 ms the Hôm nay screen should take. A per-meeting summary
// kept up to date on each write would avoid the scan.
func (v *Vault) PlannedMeetingProgress(from model.Date) ([]MeetingProgress, error) {
	var out []MeetingProgress
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT `+meetingColumns+` FROM meetings WHERE deleted = 0
			AND status = 'planned' AND meeting_date >= ? ORDER BY meeting_date, start_time, number`,
			from.String())
		if err != nil {
			return err
		}
		index := map[string]int{}
		for rows.Next() {
			m, err := scanMeeting(rows)
			if err != nil {
				rows.Close()
				return err
			}
			index[m.ID] = len(out)
			out = append(out, MeetingProgress{Meeting: m, Progress: model.MeetingProgress{Date: m.Date, Status: m.Status}})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return countProgress(db, from, index, out)
	})
	return out, err
}

// inRange limits a query to the meetings PlannedMeetingProgress lists.
const inRange = `IN (SELECT id FROM meetings WHERE deleted = 0 AND status = 'planned' AND meeting_date >= ?)`

func countProgress(db *sql.DB, from model.Date, index map[string]int, out []MeetingProgress) error {
	at := func(id string) *model.MeetingProgress {
		if i, ok := index[id]; ok {
			return &out[i].Progress
		}
		return &model.MeetingProgress{}
	}
	err := scanEach(db, func(rows *sql.Rows) error {
		var id string
		var total, appraised int
		var last sql.NullString
		if err := rows.Scan(&id, &total, &appraised, &last); err != nil {
			return err
		}
		p := at(id)
		p.Materials, p.Appraised, p.LastAppraised = total, appraised, parseDate(last.String)
		return nil
	}, `SELECT v.meeting_id, count(*), sum(v.appraised_on != ''), max(nullif(v.appraised_on, ''))
		FROM material_versions v JOIN materials m ON m.id = v.material_id AND m.deleted = 0
		WHERE v.deleted = 0 AND `+latestVersion+` AND v.meeting_id `+inRange+`
		GROUP BY v.meeting_id`, from.String())
	if err != nil {
		return err
	}
	err = scanEach(db, func(rows *sql.Rows) error {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		at(id).Attendees = n
		return nil
	}, `SELECT meeting_id, count(*) FROM meeting_attendees WHERE deleted = 0
		AND meeting_id `+inRange+` GROUP BY meeting_id`, from.String())
	if err != nil {
		return err
	}
	return scanEach(db, func(rows *sql.Rows) error {
		var id string
		var n int
		var last sql.NullString
		if err := rows.Scan(&id, &n, &last); err != nil {
			return err
		}
		p := at(id)
		p.CellsSent, p.LastSent = n, parseDate(last.String)
		return nil
	}, sentCellsQuery, from.String())
}

// scanEach runs query and calls fn on each row.
func scanEach(db *sql.DB, fn func(*sql.Rows) error, query string, args ...any) error {
	rows, err := db.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// sentCellsQuery counts, per meeting, the cells with a current send of
// the latest version of a live material to a live attendee.
const sentCellsQuery = `SELECT c.meeting_id, count(*), max(c.sent) FROM (
			SELECT d.meeting_id, d.version_id, d.member_id, min(d.sent_on) AS sent
			FROM distributions d
			WHERE d.meeting_id ` + inRange + ` AND d.deleted = 0 AND d.sent_on != ''
				AND d.id NOT IN (SELECT corrects FROM distributions WHERE corrects > '' AND deleted = 0)
			GROUP BY d.meeting_id, d.version_id, d.member_id) c
		JOIN material_versions v ON v.id = c.version_id AND v.deleted = 0 AND ` + latestVersion + `
		JOIN materials m ON m.id = v.material_id AND m.deleted = 0
		JOIN meeting_attendees a ON a.meeting_id = c.meeting_id AND a.member_id = c.member_id
			AND a.deleted = 0
		GROUP BY c.meeting_id`
