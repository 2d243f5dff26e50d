package vault

import (
	"database/sql"
	"strings"

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
// a current send.
//
// The counts come from the meeting_progress summary, one row per meeting
// (migration 006). Triggers delete the row of a meeting whenever a write
// may change its counts. When a listed meeting has no row, this call
// counts it again from its rows and stores the result, in a write
// transaction. So the Hôm nay screen reads one row per meeting, plus the
// rows of the meetings changed since the last call. When that
// transaction fails, for instance because a long bundle import holds the
// write lock past the busy timeout, the call counts without storing.
func (v *Vault) PlannedMeetingProgress(from model.Date) ([]MeetingProgress, error) {
	var out []MeetingProgress
	var stale map[string]int
	err := v.read(func(db *sql.DB) error {
		var err error
		out, stale, err = readProgress(db, from)
		return err
	})
	if err != nil || len(stale) == 0 {
		return out, err
	}

	err = v.write(func(tx *sql.Tx) error { return refreshProgress(tx, out, stale) })
	if err != nil {
		err = v.read(func(db *sql.DB) error { return countStale(db, out, stale) })
	}
	return out, err
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// plannedFrom is true for a meeting m that PlannedMeetingProgress lists;
// its one argument is the first day.
const plannedFrom = `m.deleted = 0 AND m.status = 'planned' AND m.meeting_date >= ?`

// withColumns scans a row into the destinations its caller passes and
// then into extra, so that scanMeeting can read a meeting joined to more
// columns.
type withColumns struct {
	rows  *sql.Rows
	extra []any
}

func (w withColumns) Scan(dest ...any) error { return w.rows.Scan(append(dest, w.extra...)...) }

// readProgress returns the meetings PlannedMeetingProgress lists with
// their stored counts, and the index in that list of each meeting that
// has no summary row (its counts are then zero).
func readProgress(q querier, from model.Date) ([]MeetingProgress, map[string]int, error) {
	var out []MeetingProgress
	stale := map[string]int{}
	err := scanEach(q, func(rows *sql.Rows) error {
		var p model.MeetingProgress
		var known bool
		var appraised, sent string
		m, err := scanMeeting(withColumns{rows, []any{&known, &p.Materials, &p.Appraised,
			&appraised, &p.Attendees, &p.CellsSent, &sent}})
		if err != nil {
			return err
		}
		if !known {
			stale[m.ID] = len(out)
		}
		p.Date, p.Status = m.Date, m.Status
		p.LastAppraised, p.LastSent = parseDate(appraised), parseDate(sent)
		out = append(out, MeetingProgress{Meeting: m, Progress: p})
		return nil
	}, `SELECT `+meetingColumns+`, p.meeting_id IS NOT NULL, coalesce(p.materials, 0),
		coalesce(p.appraised, 0), coalesce(p.last_appraised, ''), coalesce(p.attendees, 0),
		coalesce(p.cells_sent, 0), coalesce(p.last_sent, '')
		FROM meetings m LEFT JOIN meeting_progress p ON p.meeting_id = m.id
		WHERE `+plannedFrom+` ORDER BY m.meeting_date, m.start_time, m.number`, from.String())
	return out, stale, err
}

// staleChunk is the number of meeting ids counted per query. SQLite
// allows 999 query parameters by default before 3.32 and 32,766 since.
const staleChunk = 500

// countStale sets the counts of the meetings of out that stale maps to
// their index in out, counting them from their rows.
func countStale(q querier, out []MeetingProgress, stale map[string]int) error {
	ids := make([]any, 0, len(stale))
	for id, i := range stale {
		out[i].Progress = model.MeetingProgress{Date: out[i].Date, Status: out[i].Status}
		ids = append(ids, id)
	}
	at := func(id string) *model.MeetingProgress {
		if i, ok := stale[id]; ok {
			return &out[i].Progress
		}
		return &model.MeetingProgress{}
	}
	for len(ids) > 0 {
		n := min(len(ids), staleChunk)
		scope := `IN (?` + strings.Repeat(`, ?`, n-1) + `)`
		if err := countProgress(q, scope, ids[:n], at); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// refreshProgress counts the meetings of out that stale names and stores
// their summary rows. The other meetings of out keep the counts read
// before this transaction began, each correct as of that read.
func refreshProgress(tx *sql.Tx, out []MeetingProgress, stale map[string]int) error {
	// Write first, so that the transaction holds the write lock before it
	// reads. A transaction that reads first fails with SQLITE_BUSY when
	// another write commits in between. This first write drops the rows of
	// deleted meetings, which are never read again.
	_, err := tx.Exec(`DELETE FROM meeting_progress WHERE meeting_id IN
		(SELECT id FROM meetings WHERE deleted = 1)`)
	if err != nil {
		return err
	}
	if err := countStale(tx, out, stale); err != nil {
		return err
	}

	// Another call may have stored a row since the list was read. The
	// counts here come from under the write lock, so they replace it.
	stmt, err := tx.Prepare(`INSERT OR REPLACE INTO meeting_progress (meeting_id, materials,
		appraised, last_appraised, attendees, cells_sent, last_sent) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for id, i := range stale {
		p := out[i].Progress
		_, err := stmt.Exec(id, p.Materials, p.Appraised, p.LastAppraised.String(),
			p.Attendees, p.CellsSent, p.LastSent.String())
		if err != nil {
			return err
		}
	}
	return nil
}

// countProgress counts the meetings whose id is in scope, a condition
// "IN (…)" that takes args, into at(id).
func countProgress(q querier, scope string, args []any, at func(string) *model.MeetingProgress) error {
	err := scanEach(q, func(rows *sql.Rows) error {
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
		WHERE v.deleted = 0 AND `+latestVersion+` AND v.meeting_id `+scope+`
		GROUP BY v.meeting_id`, args...)
	if err != nil {
		return err
	}
	err = scanEach(q, func(rows *sql.Rows) error {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		at(id).Attendees = n
		return nil
	}, `SELECT meeting_id, count(*) FROM meeting_attendees WHERE deleted = 0
		AND meeting_id `+scope+` GROUP BY meeting_id`, args...)
	if err != nil {
		return err
	}
	return countSentCells(q, scope, args, at)
}

// cellKey names one cell of a distribution matrix: a version sent to a
// member.
type cellKey struct{ version, member string }

// countSentCells counts, per meeting in scope, the cells with a current
// send of the latest version of a live material to a live attendee, and
// the last day such a send went out. A send row counts only for its own
// meeting, and only when its version carries the same meeting id. So the
// counts of a meeting depend on its own rows alone, and the summary
// triggers can tell which meetings a write changes. It reads the rows
// with plain indexed queries and joins them in memory, because one
// grouped SQL join over every distribution row took about ten times
// longer under SQLCipher.
func countSentCells(q querier, scope string, args []any, at func(string) *model.MeetingProgress) error {
	latest := map[string]string{} // version id to meeting id
	err := scanEach(q, func(rows *sql.Rows) error {
		var id, meeting string
		if err := rows.Scan(&id, &meeting); err != nil {
			return err
		}
		latest[id] = meeting
		return nil
	}, `SELECT v.id, v.meeting_id FROM material_versions v JOIN materials m ON m.id = v.material_id AND m.deleted = 0
		WHERE v.deleted = 0 AND `+latestVersion+` AND v.meeting_id `+scope, args...)
	if err != nil {
		return err
	}
	attending := map[cellKey]bool{} // meeting id and member id
	err = scanEach(q, func(rows *sql.Rows) error {
		var meeting, member string
		if err := rows.Scan(&meeting, &member); err != nil {
			return err
		}
		attending[cellKey{meeting, member}] = true
		return nil
	}, `SELECT meeting_id, member_id FROM meeting_attendees WHERE deleted = 0 AND meeting_id `+scope, args...)
	if err != nil {
		return err
	}
	corrected := map[string]bool{}
	err = scanEach(q, func(rows *sql.Rows) error {
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
	err = scanEach(q, func(rows *sql.Rows) error {
		var id, meeting, version, member, sent string
		if err := rows.Scan(&id, &meeting, &version, &member, &sent); err != nil {
			return err
		}
		if corrected[id] || latest[version] != meeting || !attending[cellKey{meeting, member}] {
			return nil
		}
		k := cellKey{version, member}
		if c, ok := cells[k]; !ok || sent < c.sent {
			cells[k] = cell{meeting, sent}
		}
		return nil
	}, `SELECT id, meeting_id, version_id, member_id, sent_on FROM distributions
		WHERE meeting_id `+scope+` AND deleted = 0 AND sent_on != ''`, args...)
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

// scanEach runs query and calls fn on each row.
func scanEach(q querier, fn func(*sql.Rows) error, query string, args ...any) error {
	rows, err := q.Query(query, args...)
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
