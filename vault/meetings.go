package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"

	"sotay/model"
)

// SaveMember stores a member of the directory: a new one when m.ID is
// empty, at the end of the list, or the changes to an existing one.
func (v *Vault) SaveMember(m *model.Member) error {
	m.Name = model.Normalize(m.Name)
	m.Title = model.Normalize(m.Title)
	if m.Name == "" {
		return invalid(FieldMemberName, "the member has no name")
	}
	if m.Role == "" {
		m.Role = model.MemberCommission
	}
	if !m.Role.Valid() {
		return invalid(FieldKind, fmt.Sprintf("unknown member role %q", m.Role))
	}
	return v.write(func(tx *sql.Tx) error {
		if m.ID != "" {
			v.stamp(&m.Record)
			return expectRow(tx.Exec(`UPDATE members SET name = ?, title = ?, role = ?,
				updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
				m.Name, m.Title, string(m.Role), m.UpdatedAt.String(), m.Workstation, m.ID))
		}
		err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM members`).Scan(&m.Position)
		if err != nil {
			return err
		}
		v.stamp(&m.Record)
		_, err = tx.Exec(`INSERT INTO members (id, name, title, role, position, created_at,
			updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, m.Name, m.Title, string(m.Role), m.Position, formatTime(m.CreatedAt),
			m.UpdatedAt.String(), m.Workstation)
		return err
	})
}

// expectRow turns an UPDATE that changed no row into ErrNotFound.
func expectRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteMember marks a member of the directory deleted and takes them
// off the planned meetings dated today or later, in one transaction, and
// returns how many meetings that was. Meetings held or dated before today
// keep the member as an attendee, and the record of what was sent to
// them keeps every send.
func (v *Vault) DeleteMember(id string, today model.Date) (int, error) {
	var removed int
	err := v.write(func(tx *sql.Tx) error {
		h := v.clock.Now().String()
		if err := expectRow(tx.Exec(`UPDATE members SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, h, v.workstation, id)); err != nil {
			return err
		}
		res, err := tx.Exec(`UPDATE meeting_attendees SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id IN (SELECT a.id `+upcomingAttendance+`)`, h, v.workstation, id, today.String())
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		removed = int(n)
		return err
	})
	return removed, err
}

// upcomingAttendance selects the live attendance rows of a member (first
// argument) in the planned meetings dated on or after a day (second).
const upcomingAttendance = `FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
	WHERE a.member_id = ? AND a.deleted = 0 AND m.deleted = 0 AND m.status = 'planned'
	AND m.meeting_date >= ?`

// UpcomingMeetingCount returns how many planned meetings dated today or
// later the member attends: those that DeleteMember takes the member off.
func (v *Vault) UpcomingMeetingCount(memberID string, today model.Date) (int, error) {
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) `+upcomingAttendance, memberID, today.String()).Scan(&n)
	})
	return n, err
}

// MemberSendCount returns how many sends to a member the distribution
// records of all meetings hold, corrections not counted twice and
// withdrawn sends not at all.
func (v *Vault) MemberSendCount(memberID string) (int, error) {
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM distributions d WHERE d.member_id = ?
			AND d.deleted = 0 AND d.sent_on != '' AND `+notCorrected, memberID).Scan(&n)
	})
	return n, err
}

// Members returns the live members of the directory in list order.
func (v *Vault) Members() ([]model.Member, error) {
	return v.queryMembers(`SELECT ` + memberColumns + ` FROM members WHERE deleted = 0 ORDER BY position`)
}

// Attendees returns the live attendees of a meeting in the order they
// were added.
func (v *Vault) Attendees(meetingID string) ([]model.Member, error) {
	return v.queryMembers(`SELECT m.id, m.name, m.title, m.role, a.position, m.created_at,
		m.updated_at, m.workstation FROM meeting_attendees a JOIN members m ON m.id = a.member_id
		WHERE a.meeting_id = ? AND a.deleted = 0 ORDER BY a.position`, meetingID)
}

// MembersByID returns every member, deleted or not, by id, so that the
// distribution record can name people no longer in the directory.
func (v *Vault) MembersByID() (map[string]model.Member, error) {
	list, err := v.queryMembers(`SELECT ` + memberColumns + ` FROM members`)
	out := make(map[string]model.Member, len(list))
	for _, m := range list {
		out[m.ID] = m
	}
	return out, err
}

const memberColumns = `id, name, title, role, position, created_at, updated_at, workstation`

func (v *Vault) queryMembers(query string, args ...any) ([]model.Member, error) {
	var out []model.Member
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m model.Member
			var role, created, updated string
			err := rows.Scan(&m.ID, &m.Name, &m.Title, &role, &m.Position, &created, &updated, &m.Workstation)
			if err != nil {
				return err
			}
			m.Role, m.CreatedAt = model.MemberRole(role), parseTime(created)
			m.UpdatedAt, _ = model.ParseHLC(updated)
			out = append(out, m)
		}
		return rows.Err()
	})
	return out, err
}

var timeOfDay = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// normalizeMeeting puts the texts of m in NFC and checks its fields. It
// does not judge the date against today: planning a meeting in the past
// is the caller's rule, because only the caller knows today.
func normalizeMeeting(m *model.Meeting) error {
	for _, s := range []*string{&m.Number, &m.Title, &m.Time, &m.Place, &m.Chair, &m.Notes} {
		*s = model.Normalize(*s)
	}
	if m.Kind == "" {
		m.Kind = model.MeetingCommission
	}
	if m.Status == "" {
		m.Status = model.MeetingPlanned
	}
	switch {
	case m.Title == "":
		return invalid(FieldMeetingTitle, "the meeting has no title")
	case m.Date.IsZero():
		return invalid(FieldMeetingDate, "the meeting has no date")
	case m.Time != "" && !timeOfDay.MatchString(m.Time):
		return invalid(FieldMeetingTime, fmt.Sprintf("invalid start time %q, expected HH:MM", m.Time))
	case m.Duration < 0 || m.Duration > 24*60:
		return invalid(FieldDuration, "the duration must be 0 to 1440 minutes")
	case !m.Kind.Valid() || !m.Status.Valid() || !m.Classification.Valid():
		return invalid(FieldKind, "unknown kind, status or classification")
	}
	return nil
}

// CreateMeeting stores a new meeting and gives it an id.
func (v *Vault) CreateMeeting(m *model.Meeting) error {
	if err := normalizeMeeting(m); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		v.stamp(&m.Record)
		_, err := tx.Exec(`INSERT INTO meetings (id, kind, number, title, meeting_date,
			start_time, duration, place, chair, classification, status, notes, created_at,
			updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, string(m.Kind), m.Number, m.Title, m.Date.String(), m.Time, m.Duration,
			m.Place, m.Chair, int(m.Classification), string(m.Status), m.Notes,
			formatTime(m.CreatedAt), m.UpdatedAt.String(), m.Workstation)
		return err
	})
}

// UpdateMeeting saves every field of an existing meeting.
func (v *Vault) UpdateMeeting(m *model.Meeting) error {
	if err := normalizeMeeting(m); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		v.stamp(&m.Record)
		return expectRow(tx.Exec(`UPDATE meetings SET kind = ?, number = ?, title = ?,
			meeting_date = ?, start_time = ?, duration = ?, place = ?, chair = ?,
			classification = ?, status = ?, notes = ?, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`,
			string(m.Kind), m.Number, m.Title, m.Date.String(), m.Time, m.Duration, m.Place,
			m.Chair, int(m.Classification), string(m.Status), m.Notes, m.UpdatedAt.String(),
			m.Workstation, m.ID))
	})
}

// meetingChildren are the tables whose rows belong to one meeting.
var meetingChildren = []string{"meeting_attendees", "agenda_items", "materials",
	"material_versions", "distributions"}

// DeleteMeeting marks a meeting and everything in it deleted; the rows
// stay as deletion marks.
func (v *Vault) DeleteMeeting(id string) error {
	return v.write(func(tx *sql.Tx) error {
		h := v.clock.Now().String()
		err := expectRow(tx.Exec(`UPDATE meetings SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, h, v.workstation, id))
		if err != nil {
			return err
		}
		for _, table := range meetingChildren {
			_, err := tx.Exec(`UPDATE `+table+` SET deleted = 1, updated_at = ?, workstation = ?
				WHERE meeting_id = ? AND deleted = 0`, h, v.workstation, id)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

const meetingColumns = `id, kind, number, title, meeting_date, start_time, duration,
	place, chair, classification, status, notes, created_at, updated_at, workstation`

func scanMeeting(row interface{ Scan(...any) error }) (model.Meeting, error) {
	var m model.Meeting
	var kind, date, status, created, updated string
	err := row.Scan(&m.ID, &kind, &m.Number, &m.Title, &date, &m.Time, &m.Duration, &m.Place,
		&m.Chair, &m.Classification, &status, &m.Notes, &created, &updated, &m.Workstation)
	m.Kind, m.Status = model.MeetingKind(kind), model.MeetingStatus(status)
	m.Date, m.CreatedAt = parseDate(date), parseTime(created)
	m.UpdatedAt, _ = model.ParseHLC(updated)
	return m, err
}

// Meeting returns the live meeting with id, or ErrNotFound.
func (v *Vault) Meeting(id string) (model.Meeting, error) {
	var m model.Meeting
	err := v.read(func(db *sql.DB) error {
		var err error
		m, err = scanMeeting(db.QueryRow(`SELECT `+meetingColumns+` FROM meetings
			WHERE id = ? AND deleted = 0`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	return m, err
}

// Meetings returns the live meetings held from from to to, both
// included, by date and start time. A zero bound leaves that side open.
func (v *Vault) Meetings(from, to model.Date) ([]model.Meeting, error) {
	hi := to.String()
	if to.IsZero() {
		hi = "9999"
	}
	return queryAll(v, scanMeeting, `SELECT `+meetingColumns+` FROM meetings
			WHERE deleted = 0 AND meeting_date >= ? AND meeting_date <= ?
			ORDER BY meeting_date, start_time, number`, from.String(), hi)
}

// AddAttendee adds a member of the directory to a meeting's attendees,
// at the end. Adding a member twice changes nothing.
func (v *Vault) AddAttendee(meetingID, memberID string) error {
	return v.write(func(tx *sql.Tx) error {
		if err := checkLive(tx, "meetings", meetingID); err != nil {
			return err
		}
		if err := checkLive(tx, "members", memberID); err != nil {
			return err
		}
		var n int
		err := tx.QueryRow(`SELECT count(*) FROM meeting_attendees WHERE meeting_id = ?
			AND member_id = ? AND deleted = 0`, meetingID, memberID).Scan(&n)
		if err != nil || n > 0 {
			return err
		}
		var pos int
		err = tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM meeting_attendees
			WHERE meeting_id = ?`, meetingID).Scan(&pos)
		if err != nil {
			return err
		}
		var r model.Record
		v.stamp(&r)
		_, err = tx.Exec(`INSERT INTO meeting_attendees (id, meeting_id, member_id, position,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			r.ID, meetingID, memberID, pos, formatTime(r.CreatedAt), r.UpdatedAt.String(), r.Workstation)
		return err
	})
}

// RemoveAttendee takes a member off a meeting's attendees. When materials
// were already sent to the member it returns ErrMaterialsSent unless
// confirmed is set; either way the distribution rows are kept.
func (v *Vault) RemoveAttendee(meetingID, memberID string, confirmed bool) error {
	return v.write(func(tx *sql.Tx) error {
		var sent int
		err := tx.QueryRow(`SELECT count(*) FROM distributions WHERE meeting_id = ?
			AND member_id = ? AND deleted = 0 AND sent_on != ''`, meetingID, memberID).Scan(&sent)
		if err != nil {
			return err
		}
		if sent > 0 && !confirmed {
			return ErrMaterialsSent
		}
		return expectRow(tx.Exec(`UPDATE meeting_attendees SET deleted = 1, updated_at = ?,
			workstation = ? WHERE meeting_id = ? AND member_id = ? AND deleted = 0`,
			v.clock.Now().String(), v.workstation, meetingID, memberID))
	})
}

// checkLive returns ErrNotFound unless table has a live row with id.
func checkLive(tx *sql.Tx, table, id string) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
