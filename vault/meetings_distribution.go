package vault

import (
	"database/sql"
	"errors"

	"sotay/model"
)

// notCorrected is true for a distribution row d that no live row
// corrects, that is, for the current row of its cell.
const notCorrected = `NOT EXISTS (SELECT 1 FROM distributions c WHERE c.corrects = d.id AND c.deleted = 0)`

// latestVersion is true for a version v that is the newest live version
// of its material.
const latestVersion = `v.version = (SELECT max(w.version) FROM material_versions w
	WHERE w.material_id = v.material_id AND w.deleted = 0)`

func checkSend(d *model.Distribution) error {
	d.LateReason, d.Note = model.Normalize(d.LateReason), model.Normalize(d.Note)
	if d.SentOn.IsZero() {
		return invalid(FieldSentOn, "the send has no date")
	}
	if !d.Channel.Valid() {
		return invalid(FieldChannel, "unknown channel")
	}
	return nil
}

// RecordDistribution stores that version d.VersionID was sent to member
// d.MemberID. The version must be appraised (ErrNotAppraised) and the
// member must attend the meeting (ErrNotAttendee). A cell that already
// has a send returns ErrAlreadySent: change it with CorrectDistribution.
func (v *Vault) RecordDistribution(d *model.Distribution) error {
	if err := checkSend(d); err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		if err := checkCell(tx, d); err != nil {
			return err
		}
		var sent int
		err := tx.QueryRow(`SELECT count(*) FROM distributions d WHERE d.version_id = ?
			AND d.member_id = ? AND d.deleted = 0 AND d.sent_on != '' AND `+notCorrected,
			d.VersionID, d.MemberID).Scan(&sent)
		if err != nil {
			return err
		}
		if sent > 0 {
			return ErrAlreadySent
		}
		d.Corrects = ""
		return v.insertDistribution(tx, d)
	})
}

// checkCell fills d.MeetingID from the version and checks that the
// version is appraised and the member attends.
func checkCell(tx *sql.Tx, d *model.Distribution) error {
	var appraised string
	err := tx.QueryRow(`SELECT meeting_id, appraised_on FROM material_versions
		WHERE id = ? AND deleted = 0`, d.VersionID).Scan(&d.MeetingID, &appraised)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if appraised == "" {
		return ErrNotAppraised
	}
	var n int
	err = tx.QueryRow(`SELECT count(*) FROM meeting_attendees WHERE meeting_id = ?
		AND member_id = ? AND deleted = 0`, d.MeetingID, d.MemberID).Scan(&n)
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotAttendee
	}
	return nil
}

func (v *Vault) insertDistribution(tx *sql.Tx, d *model.Distribution) error {
	d.ID = ""
	v.stamp(&d.Record)
	_, err := tx.Exec(`INSERT INTO distributions (id, meeting_id, version_id, member_id, sent_on,
		channel, received_on, late_reason, note, corrects, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.MeetingID, d.VersionID, d.MemberID, d.SentOn.String(), string(d.Channel),
		d.ReceivedOn.String(), d.LateReason, d.Note, d.Corrects, formatTime(d.CreatedAt),
		d.UpdatedAt.String(), d.Workstation)
	return err
}

// CorrectDistribution replaces the current row oldID of a cell with a new
// row that names it in Corrects; the old row stays unchanged. The reason
// for the correction, d.Note, is required. A zero d.SentOn withdraws the
// send. Only a current row can be corrected: ErrNotFound otherwise.
func (v *Vault) CorrectDistribution(oldID string, d *model.Distribution) error {
	d.Note, d.LateReason = model.Normalize(d.Note), model.Normalize(d.LateReason)
	if d.Note == "" {
		return invalid(FieldReason, "a correction needs a reason")
	}
	if !d.SentOn.IsZero() && !d.Channel.Valid() {
		return invalid(FieldChannel, "unknown channel")
	}
	if d.SentOn.IsZero() {
		d.Channel, d.ReceivedOn = "", model.Date{}
	}
	return v.write(func(tx *sql.Tx) error {
		err := tx.QueryRow(`SELECT d.version_id, d.member_id FROM distributions d
			WHERE d.id = ? AND d.deleted = 0 AND `+notCorrected, oldID).Scan(&d.VersionID, &d.MemberID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := checkCell(tx, d); err != nil && !(d.SentOn.IsZero() && errors.Is(err, ErrNotAttendee)) {
			return err
		}
		d.Corrects = oldID
		return v.insertDistribution(tx, d)
	})
}

// ConfirmReceipt records the day a member confirmed receipt of a send. It
// is set once: ErrAlreadyReceived the second time.
func (v *Vault) ConfirmReceipt(id string, on model.Date) error {
	if on.IsZero() {
		return invalid(FieldSentOn, "the receipt has no date")
	}
	return v.write(func(tx *sql.Tx) error {
		var sent, received string
		err := tx.QueryRow(`SELECT sent_on, received_on FROM distributions WHERE id = ? AND deleted = 0`,
			id).Scan(&sent, &received)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && sent == "") {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if received != "" {
			return ErrAlreadyReceived
		}
		_, err = tx.Exec(`UPDATE distributions SET received_on = ?, updated_at = ?, workstation = ?
			WHERE id = ?`, on.String(), v.clock.Now().String(), v.workstation, id)
		return err
	})
}

// SendAll records a send, on the day and by the channel given, of the
// latest version of every material whose latest version is appraised to
// every attendee who has none on record, and returns how many sends it
// recorded. lateReason is stored on each new row.
func (v *Vault) SendAll(meetingID string, on model.Date, channel model.Channel, lateReason string) (int, error) {
	tmpl := model.Distribution{SentOn: on, Channel: channel, LateReason: lateReason}
	if err := checkSend(&tmpl); err != nil {
		return 0, err
	}
	n := 0
	err := v.write(func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT v.id, a.member_id FROM material_versions v
			JOIN materials m ON m.id = v.material_id AND m.deleted = 0
			JOIN meeting_attendees a ON a.meeting_id = v.meeting_id AND a.deleted = 0
			WHERE v.meeting_id = ? AND v.deleted = 0 AND v.appraised_on != '' AND `+latestVersion+`
			AND NOT EXISTS (SELECT 1 FROM distributions d WHERE d.version_id = v.id
				AND d.member_id = a.member_id AND d.deleted = 0 AND d.sent_on != '' AND `+notCorrected+`)
			ORDER BY a.position, v.id`, meetingID)
		if err != nil {
			return err
		}
		var cells [][2]string
		for rows.Next() {
			var c [2]string
			if err := rows.Scan(&c[0], &c[1]); err != nil {
				rows.Close()
				return err
			}
			cells = append(cells, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range cells {
			d := tmpl
			d.MeetingID, d.VersionID, d.MemberID = meetingID, c[0], c[1]
			if err := v.insertDistribution(tx, &d); err != nil {
				return err
			}
		}
		n = len(cells)
		return nil
	})
	return n, err
}

// Distributions returns every live distribution row of a meeting,
// corrected ones included, oldest first: the full record. Pass it to
// model.CurrentDistributions for the state of each cell.
func (v *Vault) Distributions(meetingID string) ([]model.Distribution, error) {
	var out []model.Distribution
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, meeting_id, version_id, member_id, sent_on, channel,
			received_on, late_reason, note, corrects, created_at, updated_at, workstation
			FROM distributions WHERE meeting_id = ? AND deleted = 0 ORDER BY updated_at, id`, meetingID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d model.Distribution
			var sent, channel, received, created, updated string
			err := rows.Scan(&d.ID, &d.MeetingID, &d.VersionID, &d.MemberID, &sent, &channel,
				&received, &d.LateReason, &d.Note, &d.Corrects, &created, &updated, &d.Workstation)
			if err != nil {
				return err
			}
			d.SentOn, d.ReceivedOn, d.Channel = parseDate(sent), parseDate(received), model.Channel(channel)
			d.CreatedAt = parseTime(created)
			d.UpdatedAt, _ = model.ParseHLC(updated)
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}
