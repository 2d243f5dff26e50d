package vault

import (
	"database/sql"
	"sync"
	"testing"
	"time"

	"sotay/model"
)

// ShareTestClock gives vaults one wall clock, for the external tests
// too. Each reading is one second after the one before, starting after
// the real time, so the clock values of edits made on several vaults
// follow the order in which the test makes them.
func ShareTestClock(vaults ...*Vault) {
	var mu sync.Mutex
	now := time.Now()
	tick := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	for _, v := range vaults {
		v.clock = model.NewClock(tick)
	}
}

// RewindConflictsToSchema6 gives v's exchange_conflicts the columns of
// schema version 6, keeping its rows, and sets the schema version to 6,
// so that the next Open applies migration 007 to it again.
func RewindConflictsToSchema6(t testing.TB, v *Vault) {
	t.Helper()
	err := v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE exchange_conflicts_v6 (
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
			INSERT INTO exchange_conflicts_v6 SELECT id, table_name, record_id, version, updated_at,
				workstation, sender, detected_at, resolved_at FROM exchange_conflicts;
			DROP TABLE exchange_conflicts;
			ALTER TABLE exchange_conflicts_v6 RENAME TO exchange_conflicts;
			CREATE INDEX conflicts_open ON exchange_conflicts (resolved_at, detected_at);
			PRAGMA user_version = 6;`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// caseConflict returns the one unresolved conflict of v on the cases
// table.
func caseConflict(t *testing.T, v *Vault) Conflict {
	t.Helper()
	all, err := v.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var found []Conflict
	for _, c := range all {
		if c.Table == "cases" {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d conflicts on cases, want 1", len(found))
	}
	return found[0]
}

func TestConflictStoresOrigin(t *testing.T) {
	const (
		titleA = "Tiêu đề sửa ở máy A"
		titleB = "Tiêu đề sửa ở máy B"
	)
	tests := []struct {
		name       string
		localLater bool
		wantOrigin Origin
		wantOther  string
	}{
		{"local newer", true, OriginReceived, titleA},
		{"received newer", false, OriginLocal, titleB},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := officerPair(t)
			ShareTestClock(a, b)
			c := addCaseWithDocument(t, a, "KT-50", 100)
			if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			if tc.localLater {
				editTitle(t, a, c.ID, titleA)
				editTitle(t, b, c.ID, titleB)
			} else {
				editTitle(t, b, c.ID, titleB)
				editTitle(t, a, c.ID, titleA)
			}

			if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			got := caseConflict(t, b)
			if got.OtherOrigin != tc.wantOrigin {
				t.Errorf("origin = %q, want %q", got.OtherOrigin, tc.wantOrigin)
			}
			if got.Other["title"] != tc.wantOther {
				t.Errorf("kept-aside title = %q, want %q", got.Other["title"], tc.wantOther)
			}
		})
	}
}

func TestClashStoresReceivedOrigin(t *testing.T) {
	a, b := officerPair(t)
	issue := func(v *Vault, subject string) model.DocNumber {
		t.Helper()
		n := model.DocNumber{Type: "QĐ", Term: "2026", Issuer: "UBKT",
			IssuedOn: model.NewDate(2026, 12, 4), Subject: subject}
		if err := v.IssueNumber(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	theirs := issue(a, "Quyết định kiểm tra")
	issue(b, "Quyết định giám sát")

	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	conflicts, err := b.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 1 {
		t.Fatalf("%d conflicts, want the one clash", len(conflicts))
	}
	if conflicts[0].Other["id"] != theirs.ID {
		t.Errorf("kept-aside number is %v, want the received %s", conflicts[0].Other["id"], theirs.ID)
	}
	if conflicts[0].OtherOrigin != OriginReceived {
		t.Errorf("origin = %q, want %q", conflicts[0].OtherOrigin, OriginReceived)
	}
}
