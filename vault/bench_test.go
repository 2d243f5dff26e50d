package vault

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"sotay/model"
)

// Sizes of the benchmark vault: what a provincial commission accumulates
// over many years.
const (
	benchCases        = 10000
	benchTasksPerCase = 10
)

var benchWords = []string{"Kiểm tra", "Giám sát", "Đảng ủy", "Chi bộ", "đảng viên", "tài chính",
	"xã Tân Lập", "phường Hòa Bình", "Văn phòng", "Ban Quản lý", "tố cáo", "kỷ luật", "chuyên đề"}

// seedBench fills v with benchCases cases and benchTasksPerCase tasks
// each, in one transaction.
func seedBench(b *testing.B, v *Vault) (caseID string) {
	b.Helper()
	start := model.NewDate(2020, 1, 1)
	err := v.write(func(tx *sql.Tx) error {
		for i := 0; i < benchCases; i++ {
			c := &model.Case{
				Code:    fmt.Sprintf("HS-%d-%05d", 2020+i%7, i),
				Title:   fmt.Sprintf("%s %s %s số %d", benchWords[i%len(benchWords)], benchWords[(i/3)%len(benchWords)], benchWords[(i/7)%len(benchWords)], i),
				Kind:    model.Kinds[i%len(model.Kinds)],
				Subject: model.Subject{Name: benchWords[(i/11)%len(benchWords)], Unit: "Đảng bộ tỉnh"},
				Status:  model.Statuses[i%3],
				Start:   start.AddDays(i % 2000),
				End:     start.AddDays(i%2000 + 90),
			}
			v.stamp(&c.Record)
			if err := v.insertCase(tx, c); err != nil {
				return err
			}
			for j := 0; j < benchTasksPerCase; j++ {
				t := &model.Task{CaseID: c.ID, Phase: model.PhaseKind(j % 3), Title: fmt.Sprintf("Nhiệm vụ %d", j),
					Deadline: c.Start.AddDays(j * 9), Status: model.TaskOpen, Position: j}
				if j%2 == 0 {
					t.Status = model.TaskDone
				}
				v.stamp(&t.Record)
				if err := insertTask(tx, t); err != nil {
					return err
				}
			}
			if err := reindexCase(tx, c.ID); err != nil {
				return err
			}
			if i == benchCases/2 {
				caseID = c.ID
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return caseID
}

// benchVaults keeps the two seeded vaults for every benchmark of a run,
// since seeding takes far longer than the queries.
var benchVaults = map[bool]struct {
	v  *Vault
	id string
}{}

// benchDirs are removed by TestMain when the run ends.
var benchDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for keyed, bv := range benchVaults {
		bv.v.db.Close()
		delete(benchVaults, keyed)
	}
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// openBenchVault returns a seeded vault, keyed as in real use or unkeyed
// through the same driver, for the ratio of the two.
func openBenchVault(b *testing.B, keyed bool) (*Vault, string) {
	b.Helper()
	if bv, ok := benchVaults[keyed]; ok {
		return bv.v, bv.id
	}
	dir, err := os.MkdirTemp("", "sotay-bench-")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	var v *Vault
	if keyed {
		var err error
		v, err = Create(filepath.Join(dir, "v"), []byte("mật khẩu đo hiệu năng"), CreateOptions{KDF: FloorKDF})
		if err != nil {
			b.Fatal(err)
		}
	} else {
		db, err := openDB(context.Background(), filepath.Join(dir, "plain.db"), nil, true)
		if err != nil {
			b.Fatal(err)
		}
		v = &Vault{dir: dir, db: db, clock: model.NewClock(nil), workstation: "bench"}
	}
	id := seedBench(b, v)
	v.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	benchVaults[keyed] = struct {
		v  *Vault
		id string
	}{v, id}
	return v, id
}

func benchmarkBoth(b *testing.B, run func(b *testing.B, v *Vault, caseID string)) {
	for _, keyed := range []bool{true, false} {
		name := "keyed"
		if !keyed {
			name = "unkeyed"
		}
		b.Run(name, func(b *testing.B) {
			v, id := openBenchVault(b, keyed)
			b.ResetTimer()
			run(b, v, id)
		})
	}
}

func BenchmarkCaseListFirstPage(b *testing.B) {
	today := model.NewDate(2026, 12, 4)
	benchmarkBoth(b, func(b *testing.B, v *Vault, _ string) {
		for i := 0; i < b.N; i++ {
			q := CaseQuery{Today: today, Limit: 100}
			if _, err := v.CountCases(q); err != nil {
				b.Fatal(err)
			}
			page, err := v.ListCases(q)
			if err != nil || len(page) != 100 {
				b.Fatalf("page of %d, err %v", len(page), err)
			}
		}
	})
}

func BenchmarkCaseListOverdueFilter(b *testing.B) {
	today := model.NewDate(2026, 12, 4)
	benchmarkBoth(b, func(b *testing.B, v *Vault, _ string) {
		for i := 0; i < b.N; i++ {
			q := CaseQuery{Today: today, OverdueOnly: true, Sort: SortByTitle, Limit: 100}
			if _, err := v.CountCases(q); err != nil {
				b.Fatal(err)
			}
			if _, err := v.ListCases(q); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkOpenCase(b *testing.B) {
	benchmarkBoth(b, func(b *testing.B, v *Vault, id string) {
		for i := 0; i < b.N; i++ {
			if _, err := v.Case(id); err != nil {
				b.Fatal(err)
			}
			tasks, err := v.Tasks(id)
			if err != nil || len(tasks) != benchTasksPerCase {
				b.Fatalf("%d tasks, err %v", len(tasks), err)
			}
			if _, err := v.Documents(id); err != nil {
				b.Fatal(err)
			}
			if _, err := v.Journal(id); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	today := model.NewDate(2026, 12, 4)
	benchmarkBoth(b, func(b *testing.B, v *Vault, _ string) {
		for i := 0; i < b.N; i++ {
			res, err := v.SearchCases("dang vien tan lap", today, 100)
			if err != nil || len(res) == 0 {
				b.Fatalf("%d results, err %v", len(res), err)
			}
		}
	})
}
