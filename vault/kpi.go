package vault

import (
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/google/uuid"

	"sotay/model"
)

// SaveKPI stores a new KPI of the catalogue or updates one.
func (v *Vault) SaveKPI(k *model.KPI) error {
	for _, s := range []*string{&k.Code, &k.Name, &k.Objective, &k.Unit, &k.Source, &k.Method, &k.Measurer, &k.Notes} {
		*s = model.Normalize(*s)
	}
	if k.Name == "" {
		return invalid(FieldName, "the KPI has no name")
	}
	if k.Frequency == model.PeriodNone {
		k.Frequency = model.PeriodYearly
	}
	if k.Scope == "" {
		k.Scope = model.ScopeUnit
	}
	if math.IsNaN(k.Target) || math.IsNaN(k.Exceed) {
		return invalid(FieldText, "the target is not a number")
	}
	return v.write(func(tx *sql.Tx) error { return v.saveKPI(tx, k) })
}

func (v *Vault) saveKPI(tx *sql.Tx, k *model.KPI) error {
	isNew := k.ID == ""
	v.stamp(&k.Record)
	if isNew {
		return insertKPI(tx, k)
	}
	return expectRow(tx.Exec(`UPDATE kpis SET code = ?, name = ?, objective = ?, unit = ?, target = ?,
		exceed = ?, lower_better = ?, frequency = ?, source = ?, method = ?, measurer = ?, notes = ?,
		scope = ?, formula = ?, updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
		k.Code, k.Name, k.Objective, k.Unit, k.Target, k.Exceed, boolInt(k.LowerBetter),
		string(k.Frequency), k.Source, k.Method, k.Measurer, k.Notes, string(k.Scope), k.Formula,
		k.UpdatedAt.String(), k.Workstation, k.ID))
}

// insertKPI stores a stamped KPI after the last one.
func insertKPI(tx *sql.Tx, k *model.KPI) error {
	if err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM kpis`).Scan(&k.Position); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO kpis (id, code, name, objective, unit, target, exceed,
		lower_better, frequency, source, method, measurer, notes, scope, formula, position,
		created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		k.ID, k.Code, k.Name, k.Objective, k.Unit, k.Target, k.Exceed, boolInt(k.LowerBetter),
		string(k.Frequency), k.Source, k.Method, k.Measurer, k.Notes, string(k.Scope), k.Formula,
		k.Position, formatTime(k.CreatedAt), k.UpdatedAt.String(), k.Workstation)
	return err
}

// DeleteKPI marks a KPI deleted; its values stay.
func (v *Vault) DeleteKPI(id string) error { return v.markDeleted("kpis", id) }

// kpiSeeds are the seeded KPIs, keyed by code. A value entered for a
// KPI refers to it.
var kpiSeeds = seedTable{name: "kpis", key: "code", refs: []seedRef{{table: "kpi_values", column: "kpi_id"}}}

func kpiSeedKey(code string) string { return "kpi:" + code }

// SeedKPIs stores kpis as seeded defaults when the vault has no KPI yet,
// live or deleted. In a vault that has KPIs it drops the unchanged
// defaults that KPIs from an older backup duplicate (see
// dropShadowedSeeds).
func (v *Vault) SeedKPIs(kpis []model.KPI) error {
	return v.write(func(tx *sql.Tx) error {
		empty, err := tableEmpty(tx, "kpis")
		if err != nil {
			return err
		}
		if !empty {
			ids := make([]string, len(kpis))
			for i, k := range kpis {
				ids[i] = seedID(kpiSeedKey(k.Code))
			}
			return dropShadowedSeeds(tx, kpiSeeds, ids)
		}
		for i := range kpis {
			stampSeed(&kpis[i].Record, kpiSeedKey(kpis[i].Code))
			if err := insertKPI(tx, &kpis[i]); err != nil {
				return err
			}
		}
		return markSeedsSeen(tx)
	})
}

// KPIs returns the live catalogue in its order.
func (v *Vault) KPIs() ([]model.KPI, error) {
	var out []model.KPI
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var k model.KPI
			var lower int
			var freq, scope string
			if err := rows.Scan(&k.ID, &k.Code, &k.Name, &k.Objective, &k.Unit, &k.Target, &k.Exceed,
				&lower, &freq, &k.Source, &k.Method, &k.Measurer, &k.Notes, &scope, &k.Formula,
				&k.Position); err != nil {
				return err
			}
			k.LowerBetter, k.Frequency, k.Scope = lower == 1, model.Periodicity(freq), model.KPIScope(scope)
			out = append(out, k)
			return nil
		}, `SELECT id, code, name, objective, unit, target, exceed, lower_better, frequency, source,
			method, measurer, notes, scope, formula, position FROM kpis WHERE deleted = 0 ORDER BY position`)
	})
	return out, err
}

// kpiValueNamespace is the UUID namespace of the ids of KPI values.
var kpiValueNamespace = uuid.MustParse("8a027cf5-cd17-4f11-add4-59f26472bcef")

// kpiValueID returns the id of the value of KPI kpiID for the period
// starting on start. Every vault derives the same id, so values entered
// for one KPI and period on two workstations are one record, which a
// bundle merges by clock value.
func kpiValueID(kpiID string, start model.Date) string {
	return uuid.NewSHA1(kpiValueNamespace, []byte(kpiID+":"+start.String())).String()
}

// SetKPIValue stores the value of a manual KPI for period p, as a change
// of the record with the id kpiValueID derives. A value that a version
// before these ids stored for the period keeps its random id and stays,
// and KPIValues reads the newer of the two.
func (v *Vault) SetKPIValue(kpiID string, p model.Period, value float64) error {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return invalid(FieldText, fmt.Sprintf("%v is not a number", value))
	}
	return v.write(func(tx *sql.Tx) error {
		if err := checkLive(tx, "kpis", kpiID); err != nil {
			return err
		}
		rec := model.Record{ID: kpiValueID(kpiID, p.Start), CreatedAt: time.Now().UTC().Truncate(time.Second)}
		v.stamp(&rec)
		_, err := tx.Exec(`INSERT INTO kpi_values (id, kpi_id, period_start, period_end, value,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET value = excluded.value, period_end = excluded.period_end,
			updated_at = excluded.updated_at, workstation = excluded.workstation, deleted = 0`,
			rec.ID, kpiID, p.Start.String(), p.End.String(), value, formatTime(rec.CreatedAt),
			rec.UpdatedAt.String(), rec.Workstation)
		return err
	})
}

// KPIValues returns the stored values of a manual KPI, keyed by the
// first day of their period. A period can have several live rows when
// rows with random ids from older versions sit beside the derived one.
// The newest change then wins, ordered like the bundle merge orders
// versions: by updated_at (whose text order is clock order), then
// workstation, then id.
func (v *Vault) KPIValues(kpiID string) (map[model.Date]float64, error) {
	out := map[model.Date]float64{}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var start string
			var value float64
			if err := rows.Scan(&start, &value); err != nil {
				return err
			}
			out[parseDate(start)] = value
			return nil
		}, `SELECT period_start, value FROM kpi_values WHERE kpi_id = ? AND deleted = 0
			ORDER BY updated_at, workstation, id`, kpiID)
	})
	return out, err
}
