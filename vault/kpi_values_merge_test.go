package vault

import (
	"database/sql"
	"testing"

	"sotay/model"
)

var firstQuarter = model.Period{Start: model.NewDate(2026, 1, 1), End: model.NewDate(2026, 3, 31)}

// seedSharedKPI seeds one starter KPI into v and returns its id, which
// every vault that seeds it shares.
func seedSharedKPI(t *testing.T, v *Vault) string {
	t.Helper()
	k := model.KPI{Code: "HN-SOCUOC", Name: "Số cuộc kiểm tra hoàn thành", Target: 4,
		Frequency: model.PeriodQuarterly}
	if err := v.SeedKPIs([]model.KPI{k}); err != nil {
		t.Fatal(err)
	}
	list, err := v.KPIs()
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range list {
		if got.Code == k.Code {
			return got.ID
		}
	}
	t.Fatalf("seeded KPI %s not found", k.Code)
	return ""
}

// kpiValueRows returns the live kpi_values rows of KPI kpiID for the
// period starting on start, as id to value.
func kpiValueRows(t *testing.T, v *Vault, kpiID string, start model.Date) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var id string
			var value float64
			if err := rows.Scan(&id, &value); err != nil {
				return err
			}
			out[id] = value
			return nil
		}, `SELECT id, value FROM kpi_values WHERE kpi_id = ? AND period_start = ? AND deleted = 0`,
			kpiID, start.String())
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// kpiValueConflicts returns the unresolved conflicts of v on kpi_values.
func kpiValueConflicts(t *testing.T, v *Vault) []Conflict {
	t.Helper()
	all, err := v.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var out []Conflict
	for _, c := range all {
		if c.Table == "kpi_values" {
			out = append(out, c)
		}
	}
	return out
}

// checkOneKPIValue checks that v holds one live row for the period, with
// the derived id, and reads want from it.
func checkOneKPIValue(t *testing.T, name string, v *Vault, kpiID string, want float64) {
	t.Helper()
	rows := kpiValueRows(t, v, kpiID, firstQuarter.Start)
	id := kpiValueID(kpiID, firstQuarter.Start)
	if len(rows) != 1 {
		t.Errorf("%s: %d live rows for the period, want 1: %v", name, len(rows), rows)
	}
	if _, ok := rows[id]; !ok {
		t.Errorf("%s: no row with the derived id %s: %v", name, id, rows)
	}
	values, err := v.KPIValues(kpiID)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := values[firstQuarter.Start]; !ok || got != want {
		t.Errorf("%s: value read = %v (present %v), want %v", name, got, ok, want)
	}
}

func TestKPIValueMergesAcrossVaults(t *testing.T) {
	a, b := officerPair(t)
	ShareTestClock(a, b)
	kpiA, kpiB := seedSharedKPI(t, a), seedSharedKPI(t, b)
	if kpiA != kpiB {
		t.Fatalf("seeded KPI ids %s and %s differ", kpiA, kpiB)
	}
	if err := a.SetKPIValue(kpiA, firstQuarter, 4); err != nil {
		t.Fatal(err)
	}
	if err := b.SetKPIValue(kpiB, firstQuarter, 7); err != nil {
		t.Fatal(err)
	}

	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(a, backupTo(t, b, a), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	checkOneKPIValue(t, "vault A", a, kpiA, 7)
	checkOneKPIValue(t, "vault B", b, kpiB, 7)

	// Neither officer had seen the other's value, so B, which kept its
	// newer value, lists A's value for the user to compare.
	conflicts := kpiValueConflicts(t, b)
	if len(conflicts) != 1 {
		t.Fatalf("vault B: %d conflicts on KPI values, want 1", len(conflicts))
	}
	if got := conflicts[0].Other["value"]; got != 4.0 {
		t.Errorf("vault B: kept-aside value = %v, want A's 4", got)
	}
	if n := len(kpiValueConflicts(t, a)); n != 0 {
		t.Errorf("vault A: %d conflicts on KPI values, want none: B had seen A's value", n)
	}
}

func TestKPIValueBothEditedConflicts(t *testing.T) {
	a, b := officerPair(t)
	ShareTestClock(a, b)
	kpiID := seedSharedKPI(t, a)
	seedSharedKPI(t, b)
	if err := a.SetKPIValue(kpiID, firstQuarter, 4); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(a, backupTo(t, b, a), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := len(kpiValueConflicts(t, b)); n != 0 {
		t.Fatalf("vault B: %d conflicts after the first exchange, want none", n)
	}

	if err := a.SetKPIValue(kpiID, firstQuarter, 10); err != nil {
		t.Fatal(err)
	}
	if err := b.SetKPIValue(kpiID, firstQuarter, 12); err != nil {
		t.Fatal(err)
	}
	p, err := importBytes(b, backupTo(t, a, b), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Tables["kpi_values"]; got.Conflicts != 1 {
		t.Errorf("KPI value changes = %+v, want 1 conflict", got)
	}
	if len(p.Conflicts) != 1 || p.Conflicts[0].Table != "kpi_values" || p.Conflicts[0].Row["kpi_id"] != kpiID {
		t.Errorf("preview names the conflicts %+v, want the one KPI value", p.Conflicts)
	}
	conflicts := kpiValueConflicts(t, b)
	if len(conflicts) != 1 {
		t.Fatalf("vault B: %d conflicts on KPI values, want 1", len(conflicts))
	}
	if conflicts[0].RecordID != kpiValueID(kpiID, firstQuarter.Start) {
		t.Errorf("conflict on record %s, want the derived id", conflicts[0].RecordID)
	}
	if got := conflicts[0].Other["value"]; got != 10.0 {
		t.Errorf("kept-aside value = %v, want A's 10", got)
	}
	checkOneKPIValue(t, "vault B", b, kpiID, 12)

	if _, err := importBytes(a, backupTo(t, b, a), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	checkOneKPIValue(t, "vault A", a, kpiID, 12)
}

// insertRandomIDValue stores a KPI value the way versions before derived
// ids did: a new row with a random id, stamped by v's clock. A non-empty
// workstation and clock value replace the stamp's.
func insertRandomIDValue(t *testing.T, v *Vault, kpiID string, value float64, workstation, clock string) {
	t.Helper()
	rec := model.Record{}
	v.stamp(&rec)
	updated := rec.UpdatedAt.String()
	if clock != "" {
		updated = clock
	}
	if workstation == "" {
		workstation = rec.Workstation
	}
	err := v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO kpi_values (id, kpi_id, period_start, period_end, value,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			rec.ID, kpiID, firstQuarter.Start.String(), firstQuarter.End.String(), value,
			formatTime(rec.CreatedAt), updated, workstation)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// derivedClock returns the clock value and workstation of the derived
// row of the period.
func derivedClock(t *testing.T, v *Vault, kpiID string) (string, string) {
	t.Helper()
	var updated, ws string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT updated_at, workstation FROM kpi_values WHERE id = ?`,
			kpiValueID(kpiID, firstQuarter.Start)).Scan(&updated, &ws)
	})
	if err != nil {
		t.Fatal(err)
	}
	return updated, ws
}

func TestKPIValuesReadNewestRow(t *testing.T) {
	tests := []struct {
		name string
		// store writes the random-id row and the derived one in some
		// order and returns the value that must be read.
		store func(t *testing.T, v *Vault, kpiID string) float64
	}{
		{"derived row newer", func(t *testing.T, v *Vault, kpiID string) float64 {
			insertRandomIDValue(t, v, kpiID, 4, "", "")
			if err := v.SetKPIValue(kpiID, firstQuarter, 5); err != nil {
				t.Fatal(err)
			}
			return 5
		}},
		{"random-id row newer", func(t *testing.T, v *Vault, kpiID string) float64 {
			if err := v.SetKPIValue(kpiID, firstQuarter, 5); err != nil {
				t.Fatal(err)
			}
			insertRandomIDValue(t, v, kpiID, 6, "", "")
			return 6
		}},
		{"random-id row older, stored later", func(t *testing.T, v *Vault, kpiID string) float64 {
			if err := v.SetKPIValue(kpiID, firstQuarter, 5); err != nil {
				t.Fatal(err)
			}
			older := model.HLC{Millis: 1}.String()
			insertRandomIDValue(t, v, kpiID, 9, "", older)
			return 5
		}},
		{"same clock, higher workstation", func(t *testing.T, v *Vault, kpiID string) float64 {
			if err := v.SetKPIValue(kpiID, firstQuarter, 5); err != nil {
				t.Fatal(err)
			}
			clock, ws := derivedClock(t, v, kpiID)
			insertRandomIDValue(t, v, kpiID, 7, ws+"~", clock)
			return 7
		}},
		{"same clock, lower workstation", func(t *testing.T, v *Vault, kpiID string) float64 {
			if err := v.SetKPIValue(kpiID, firstQuarter, 5); err != nil {
				t.Fatal(err)
			}
			clock, _ := derivedClock(t, v, kpiID)
			insertRandomIDValue(t, v, kpiID, 8, "0", clock)
			return 5
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := newTestVault(t)
			kpiID := seedSharedKPI(t, v)
			want := tc.store(t, v, kpiID)
			if rows := kpiValueRows(t, v, kpiID, firstQuarter.Start); len(rows) != 2 {
				t.Fatalf("%d live rows, want the random-id one and the derived one: %v", len(rows), rows)
			}
			values, err := v.KPIValues(kpiID)
			if err != nil {
				t.Fatal(err)
			}
			if got := values[firstQuarter.Start]; got != want {
				t.Errorf("value read = %v, want %v", got, want)
			}
		})
	}
}
