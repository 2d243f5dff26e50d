package vault

import (
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"sotay/model"
	"sotay/model/workday"
)

// BenchmarkMeetingReadiness times the query behind the Hôm nay screen:
// the readiness of 200 planned meetings with 20 materials and 15
// attendees each (60,000 cells, 54,000 of them sent), read by
// PlannedMeetingProgress and judged with model.Assess on the built-in
// working-day calendar. The fixture is written in one transaction, so
// the first call counts all 200 meetings and stores their summaries
// (BenchmarkMeetingReadinessCold times that call alone), and the others
// read the summaries (BenchmarkMeetingReadinessWarm). Its time per call
// is a mix of the two that depends on how many calls the run makes.
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

// BenchmarkMeetingReadinessWarm times PlannedMeetingProgress when every
// meeting has its summary row: the Hôm nay screen when nothing changed
// since the last call.
func BenchmarkMeetingReadinessWarm(b *testing.B) {
	v := readinessVault(b)
	today := model.NewDate(2026, time.December, 1)
	if _, err := v.PlannedMeetingProgress(today); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		list, err := v.PlannedMeetingProgress(today)
		if err != nil || len(list) != 200 {
			b.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(list), err)
		}
	}
}

// BenchmarkMeetingReadinessCold times PlannedMeetingProgress when no
// meeting has a summary row, as on the first call after opening a vault
// made before the summary existed: all 200 meetings are counted from
// their rows and stored.
func BenchmarkMeetingReadinessCold(b *testing.B) {
	v := readinessVault(b)
	today := model.NewDate(2026, time.December, 1)
	for b.Loop() {
		b.StopTimer()
		clearSummaries(b, v, `DELETE FROM meeting_progress`)
		b.StartTimer()
		list, err := v.PlannedMeetingProgress(today)
		if err != nil || len(list) != 200 {
			b.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(list), err)
		}
	}
}

// BenchmarkMeetingReadinessOneChanged times PlannedMeetingProgress after
// a write has cleared the summary of one meeting, a different one each
// time: the Hôm nay screen after an edit.
func BenchmarkMeetingReadinessOneChanged(b *testing.B) {
	v := readinessVault(b)
	today := model.NewDate(2026, time.December, 1)
	list, err := v.PlannedMeetingProgress(today)
	if err != nil || len(list) != 200 {
		b.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(list), err)
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		clearSummaries(b, v, `DELETE FROM meeting_progress WHERE meeting_id = ?`, list[i%len(list)].ID)
		i++
		b.StartTimer()
		got, err := v.PlannedMeetingProgress(today)
		if err != nil || len(got) != 200 || got[0].Progress.Materials != 20 {
			b.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(got), err)
		}
	}
}

// sharedReadiness is the readiness fixture of the benchmarks above,
// written once per test binary: it takes 20–30 s to write, and they
// differ only in the summary rows, which each sets up itself.
var sharedReadiness struct {
	once sync.Once
	v    *Vault
	err  error
}

func readinessVault(b *testing.B) *Vault {
	sharedReadiness.once.Do(func() {
		v, _ := newTestVault(&testing.T{})
		today := model.NewDate(2026, time.December, 1)
		sharedReadiness.v = v
		sharedReadiness.err = v.write(func(tx *sql.Tx) error { return fillReadinessFixture(v, tx, today) })
	})
	if sharedReadiness.err != nil {
		b.Fatal(sharedReadiness.err)
	}
	return sharedReadiness.v
}

func clearSummaries(b *testing.B, v *Vault, query string, args ...any) {
	err := v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(query, args...)
		return err
	})
	if err != nil {
		b.Fatal(err)
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
