package vault

import (
	"database/sql"
	"errors"
	"fmt"

	"sotay/model"
)

// FieldRule names the period or due-date rule of a report rule.
const FieldRule Field = "rule"

// SaveReportRule stores a new report rule or updates one. A rule that
// yields no date (a periodic rule with no period, an unknown due kind, a
// day out of range) is a *ValidationError naming FieldRule, and then
// nothing is stored.
func (v *Vault) SaveReportRule(r *model.ReportRule) error {
	r.Code = model.Normalize(r.Code)
	r.Name = model.Normalize(r.Name)
	r.Recipient = model.Normalize(r.Recipient)
	r.Form = model.Normalize(r.Form)
	if r.Name == "" {
		return invalid(FieldName, "the report has no name")
	}
	if err := r.Validate(); err != nil {
		return invalid(FieldRule, err.Error())
	}
	return v.write(func(tx *sql.Tx) error { return v.saveReportRule(tx, r) })
}

func (v *Vault) saveReportRule(tx *sql.Tx, r *model.ReportRule) error {
	isNew := r.ID == ""
	v.stamp(&r.Record)
	if isNew {
		return insertReportRule(tx, r)
	}
	return expectRow(tx.Exec(`UPDATE report_rules SET code = ?, name = ?, kind = ?, period = ?,
		cutoff = ?, due_kind = ?, due_n = ?, due_later = ?, recipient = ?, form = ?, active = ?,
		updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
		r.Code, r.Name, string(r.Kind), string(r.Period), r.Cutoff, string(r.Due.Kind), r.Due.N,
		boolInt(r.Due.Later), r.Recipient, r.Form, boolInt(r.Active), r.UpdatedAt.String(),
		r.Workstation, r.ID))
}

// insertReportRule stores a stamped rule after the last one.
func insertReportRule(tx *sql.Tx, r *model.ReportRule) error {
	if err := tx.QueryRow(`SELECT coalesce(max(position), -1) + 1 FROM report_rules`).Scan(&r.Position); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO report_rules (id, code, name, kind, period, cutoff,
		due_kind, due_n, due_later, recipient, form, active, position, created_at,
		updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.Code, r.Name, string(r.Kind), string(r.Period), r.Cutoff, string(r.Due.Kind),
		r.Due.N, boolInt(r.Due.Later), r.Recipient, r.Form, boolInt(r.Active), r.Position,
		formatTime(r.CreatedAt), r.UpdatedAt.String(), r.Workstation)
	return err
}

// DeleteReportRule marks a rule deleted; its reports stay.
func (v *Vault) DeleteReportRule(id string) error { return v.markDeleted("report_rules", id) }

// ReportRules returns the live rules in their order.
func (v *Vault) ReportRules() ([]model.ReportRule, error) {
	var out []model.ReportRule
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var r model.ReportRule
			var kind, period, due string
			var later, active int
			if err := rows.Scan(&r.ID, &r.Code, &r.Name, &kind, &period, &r.Cutoff, &due,
				&r.Due.N, &later, &r.Recipient, &r.Form, &active, &r.Position); err != nil {
				return err
			}
			r.Kind, r.Period, r.Due.Kind = model.ReportKind(kind), model.Periodicity(period), model.DueKind(due)
			r.Due.Later, r.Active = later == 1, active == 1
			out = append(out, r)
			return nil
		}, `SELECT id, code, name, kind, period, cutoff, due_kind, due_n, due_later, recipient,
			form, active, position FROM report_rules WHERE deleted = 0 ORDER BY position`)
	})
	return out, err
}

// reportRuleSeeds are the seeded report rules, keyed by code. Their
// reports refer to them by rule_id.
var reportRuleSeeds = seedTable{name: "report_rules", key: "code",
	refs: []seedRef{{table: "reports", column: "rule_id"}}}

func reportRuleSeedKey(code string) string { return "report-rule:" + code }

// SeedReportRules stores rules as seeded defaults when the vault has no
// rule yet, live or deleted, so that a user who deleted every rule is
// not given them back. It reports whether it stored them. In a vault
// that has rules it drops the unchanged defaults that rules from an
// older backup duplicate (see dropShadowedSeeds).
func (v *Vault) SeedReportRules(rules []model.ReportRule) (bool, error) {
	seeded := false
	err := v.write(func(tx *sql.Tx) error {
		empty, err := tableEmpty(tx, "report_rules")
		if err != nil {
			return err
		}
		if !empty {
			ids := make([]string, len(rules))
			for i, r := range rules {
				ids[i] = seedID(reportRuleSeedKey(r.Code))
			}
			return dropShadowedSeeds(tx, reportRuleSeeds, ids)
		}
		for i := range rules {
			stampSeed(&rules[i].Record, reportRuleSeedKey(rules[i].Code))
			if err := insertReportRule(tx, &rules[i]); err != nil {
				return err
			}
		}
		seeded = true
		return markSeedsSeen(tx)
	})
	return seeded, err
}

// MergeReports adds the reports of a computed calendar that the vault
// does not hold yet (by rule and period start) and moves the due date of
// those it holds, keeping their status and sent date. An added report is
// a seeded default whose id derives from its rule and period start, so
// every vault that computes the calendar holds the same record. A
// deleted report with that id stays deleted.
func (v *Vault) MergeReports(reports []model.Report) error {
	return v.write(func(tx *sql.Tx) error {
		added := false
		for i := range reports {
			r := &reports[i]
			var id, due string
			err := tx.QueryRow(`SELECT id, due FROM reports WHERE rule_id = ? AND period_start = ?
				AND deleted = 0`, r.RuleID, r.Period.Start.String()).Scan(&id, &due)
			if errors.Is(err, sql.ErrNoRows) {
				stampSeed(&r.Record, "report:"+r.RuleID+":"+r.Period.Start.String())
				if err := writeReport(tx, r, "ON CONFLICT (id) DO NOTHING"); err != nil {
					return err
				}
				added = true
				continue
			}
			if err != nil {
				return err
			}
			if due != r.Due.String() {
				_, err := tx.Exec(`UPDATE reports SET due = ?, label = ?, updated_at = ?, workstation = ?
					WHERE id = ?`, r.Due.String(), r.Period.Label, v.clock.Now().String(), v.workstation, id)
				if err != nil {
					return err
				}
			}
		}
		if added {
			return markSeedsSeen(tx)
		}
		return nil
	})
}

// writeReport inserts a stamped report. onConflict is "" or an upsert
// clause for the id.
func writeReport(tx *sql.Tx, r *model.Report, onConflict string) error {
	if r.Status == "" {
		r.Status = model.ReportNotStarted
	}
	_, err := tx.Exec(`INSERT INTO reports (id, rule_id, year, period_start, period_end, label,
		due, status, sent_on, notes, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) `+onConflict,
		r.ID, r.RuleID, r.Year, r.Period.Start.String(), r.Period.End.String(),
		model.Normalize(r.Period.Label), r.Due.String(), string(r.Status), r.SentOn.String(),
		model.Normalize(r.Notes), formatTime(r.CreatedAt), r.UpdatedAt.String(), r.Workstation)
	return err
}

// AddReport stores a report made once (ad hoc, thematic, a review) with
// its own due date.
func (v *Vault) AddReport(r *model.Report) error {
	if r.Due.IsZero() {
		return invalid(FieldDeadline, "the report has no due date")
	}
	return v.write(func(tx *sql.Tx) error {
		v.stamp(&r.Record)
		return writeReport(tx, r, "")
	})
}

// SetReportStatus sets the status of a report; a sent report needs its
// sent date, and any other status clears it.
func (v *Vault) SetReportStatus(id string, status model.ReportStatus, sentOn model.Date) error {
	switch status {
	case model.ReportSent:
		if sentOn.IsZero() {
			return invalid(FieldDate, "a sent report needs the day it was sent")
		}
	case model.ReportNotStarted, model.ReportDrafting:
		sentOn = model.Date{}
	default:
		return invalid(FieldKind, fmt.Sprintf("unknown report status %q", status))
	}
	return v.write(func(tx *sql.Tx) error {
		return expectRow(tx.Exec(`UPDATE reports SET status = ?, sent_on = ?, updated_at = ?,
			workstation = ? WHERE id = ? AND deleted = 0`, string(status), sentOn.String(),
			v.clock.Now().String(), v.workstation, id))
	})
}

// Reports returns the live reports due from from to to, both included,
// by due date.
func (v *Vault) Reports(from, to model.Date) ([]model.Report, error) {
	var out []model.Report
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var r model.Report
			var start, end, due, status, sent string
			if err := rows.Scan(&r.ID, &r.RuleID, &r.Year, &start, &end, &r.Period.Label, &due,
				&status, &sent, &r.Notes); err != nil {
				return err
			}
			r.Period.Start, r.Period.End, r.Due = parseDate(start), parseDate(end), parseDate(due)
			r.Status, r.SentOn = model.ReportStatus(status), parseDate(sent)
			out = append(out, r)
			return nil
		}, `SELECT id, rule_id, year, period_start, period_end, label, due, status, sent_on, notes
			FROM reports WHERE deleted = 0 AND due >= ? AND due <= ? ORDER BY due, label`,
			from.String(), to.String())
	})
	return out, err
}
