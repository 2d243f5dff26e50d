package vault

import (
	"database/sql"

	"sotay/model"
)

// scanProgress is PlannedMeetingProgress as it was before the summary
// table: every count read from the rows of all listed meetings on each
// call. The summary tests compare against it.
func scanProgress(v *Vault, from model.Date) ([]MeetingProgress, error) {
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
		return scanCounts(db, from, index, out)
	})
	return out, err
}

// scanRange limits a query to the meetings PlannedMeetingProgress lists.
const scanRange = `IN (SELECT id FROM meetings WHERE deleted = 0 AND status = 'planned' AND meeting_date >= ?)`

func scanCounts(db *sql.DB, from model.Date, index map[string]int, out []MeetingProgress) error {
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
		WHERE v.deleted = 0 AND `+latestVersion+` AND v.meeting_id `+scanRange+`
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
		AND meeting_id `+scanRange+` GROUP BY meeting_id`, from.String())
	if err != nil {
		return err
	}
	return scanSentCells(db, from, at)
}

// scanSentCells is countSentCells as it was: the latest versions of all
// listed meetings in one set, with no check that a send row and its
// version carry the same meeting id.
func scanSentCells(db *sql.DB, from model.Date, at func(string) *model.MeetingProgress) error {
	latest := map[string]bool{}
	err := scanEach(db, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		latest[id] = true
		return nil
	}, `SELECT v.id FROM material_versions v JOIN materials m ON m.id = v.material_id AND m.deleted = 0
		WHERE v.deleted = 0 AND `+latestVersion+` AND v.meeting_id `+scanRange, from.String())
	if err != nil {
		return err
	}
	attending := map[cellKey]bool{} // meeting id and member id
	err = scanEach(db, func(rows *sql.Rows) error {
		var meeting, member string
		if err := rows.Scan(&meeting, &member); err != nil {
			return err
		}
		attending[cellKey{meeting, member}] = true
		return nil
	}, `SELECT meeting_id, member_id FROM meeting_attendees WHERE deleted = 0 AND meeting_id `+scanRange, from.String())
	if err != nil {
		return err
	}
	corrected := map[string]bool{}
	err = scanEach(db, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		corrected[id] = true
		return nil
	}, `SELECT corrects FROM distributions WHERE corrects > '' AND deleted = 0`)
	if err != nil {
		return err
	}

	type cell struct {
		meeting string
		sent    string
	}
	cells := map[cellKey]cell{}
	err = scanEach(db, func(rows *sql.Rows) error {
		var id, meeting, version, member, sent string
		if err := rows.Scan(&id, &meeting, &version, &member, &sent); err != nil {
			return err
		}
		if corrected[id] || !latest[version] || !attending[cellKey{meeting, member}] {
			return nil
		}
		k := cellKey{version, member}
		if c, ok := cells[k]; !ok || sent < c.sent {
			cells[k] = cell{meeting, sent}
		}
		return nil
	}, `SELECT id, meeting_id, version_id, member_id, sent_on FROM distributions
		WHERE meeting_id `+scanRange+` AND deleted = 0 AND sent_on != ''`, from.String())
	if err != nil {
		return err
	}
	for _, c := range cells {
		p := at(c.meeting)
		p.CellsSent++
		if d := parseDate(c.sent); d.After(p.LastSent) {
			p.LastSent = d
		}
	}
	return nil
}
