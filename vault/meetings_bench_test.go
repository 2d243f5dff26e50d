package vault

import (
	"database/sql"
	"fmt"
	"testing"
	"time"

	"sotay/model"
	"sotay/model/workday"
)

// BenchmarkMeetingReadiness times the query behind the Hôm nay screen:
// the readiness of 200 planned meetings with 20 materials and 15
// attendees each (60,000 cells, 54,000 of them sent), counted in SQL by
// PlannedMeetingProgress and judged with model.Assess on the built-in
// working-day calendar. The fixture is written in one transaction.
func BenchmarkMeetingReadiness(b *testing.B) {
	v, _ := newTestVault(&testing.T{})
	b.Cleanup(func() { v.Close() })
	today := model.NewDate(2026, time.December, 1)
	if err := v.write(func(tx *sql.Tx) error { return fillReadinessFixture(v, tx, today) }); err != nil {
		b.Fatal(err)
	}
	cal := workday.Default()
	rule := model.DefaultDistributionRule

	b.ResetTimer()
	for b.Loop() {
		list, err := v.PlannedMeetingProgress(today)
		if err != nil || len(list) != 200 {
			b.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(list), err)
		}
		for _, mp := range list {
			model.Assess(cal, rule, mp.Progress, today)
		}
	}
}

// fillReadinessFixture inserts 15 members and 200 meetings, each with 20
// appraised materials sent to the first 13 or 14 of its 15 attendees.
func fillReadinessFixture(v *Vault, tx *sql.Tx, today model.Date) error {
	rec := func() (string, string, string) {
		var r model.Record
		v.stamp(&r)
		return r.ID, formatTime(r.CreatedAt), r.UpdatedAt.String()
	}
	if _, err := tx.Exec(`INSERT INTO blobs (sha256, size) VALUES ('bench', 1)`); err != nil {
		return err
	}
	var members []string
	for i := 0; i < 15; i++ {
		id, c, u := rec()
		_, err := tx.Exec(`INSERT INTO members (id, name, role, position, created_at, updated_at, workstation)
			VALUES (?, ?, 'commission', ?, ?, ?, ?)`, id, fmt.Sprintf("Ủy viên %02d", i), i, c, u, v.workstation)
		if err != nil {
			return err
		}
		members = append(members, id)
	}
	for n := 0; n < 200; n++ {
		date := today.AddDays(1 + n%60)
		mid, c, u := rec()
		_, err := tx.Exec(`INSERT INTO meetings (id, kind, title, meeting_date, status, created_at, updated_at, workstation)
			VALUES (?, 'commission', ?, ?, 'planned', ?, ?, ?)`, mid, fmt.Sprintf("Hội nghị %d", n), date.String(), c, u, v.workstation)
		if err != nil {
			return err
		}
		for i, member := range members {
			id, c, u := rec()
			_, err := tx.Exec(`INSERT INTO meeting_attendees (id, meeting_id, member_id, position, created_at, updated_at, workstation)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, id, mid, member, i, c, u, v.workstation)
			if err != nil {
				return err
			}
		}
		item, c, u := rec()
		_, err = tx.Exec(`INSERT INTO agenda_items (id, meeting_id, position, title, created_at, updated_at, workstation)
			VALUES (?, ?, 0, 'Mục 1', ?, ?, ?)`, item, mid, c, u, v.workstation)
		if err != nil {
			return err
		}
		for j := 0; j < 20; j++ {
			mat, c, u := rec()
			_, err := tx.Exec(`INSERT INTO materials (id, meeting_id, item_id, title, created_at, updated_at, workstation)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, mat, mid, item, fmt.Sprintf("Tài liệu %d", j), c, u, v.workstation)
			if err != nil {
				return err
			}
			ver, c, u := rec()
			_, err = tx.Exec(`INSERT INTO material_versions (id, meeting_id, material_id, version, name, size, sha256,
				appraised_on, created_at, updated_at, workstation) VALUES (?, ?, ?, 1, 'tl.pdf', 1, 'bench', ?, ?, ?, ?)`,
				ver, mid, mat, date.AddDays(-20).String(), c, u, v.workstation)
			if err != nil {
				return err
			}
			for i, member := range members[:13+n%2] {
				id, c, u := rec()
				_, err := tx.Exec(`INSERT INTO distributions (id, meeting_id, version_id, member_id, sent_on, channel,
					created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, 'paper', ?, ?, ?)`,
					id, mid, ver, member, date.AddDays(-19+i%3).String(), c, u, v.workstation)
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}
