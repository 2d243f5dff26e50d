package vault

import (
	"database/sql"
	"errors"

	"sotay/model"
)

// SaveOutcome stores what a case found and decided, one row per case.
func (v *Vault) SaveOutcome(o *model.Outcome) error {
	o.Findings = model.Normalize(o.Findings)
	o.Conclusion = model.Normalize(o.Conclusion)
	o.DisciplineProposed = model.Normalize(o.DisciplineProposed)
	o.DisciplineDecided = model.Normalize(o.DisciplineDecided)
	if o.Violations < 0 {
		return invalid(FieldText, "the number of violations is negative")
	}
	if !o.DecisionDate.IsZero() && !o.NoticeDate.IsZero() && o.NoticeDate.Before(o.DecisionDate) {
		return invalid(FieldDate, "the notice of conclusion is dated before the decision")
	}
	return v.write(func(tx *sql.Tx) error {
		if err := checkLive(tx, "cases", o.CaseID); err != nil {
			return err
		}
		o.ID = o.CaseID
		v.stamp(&o.Record)
		_, err := tx.Exec(`INSERT INTO case_outcomes (id, case_id, findings, violations, conclusion,
			discipline_proposed, discipline_decided, decision_date, notice_date, created_at,
			updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET findings = excluded.findings,
			violations = excluded.violations, conclusion = excluded.conclusion,
			discipline_proposed = excluded.discipline_proposed,
			discipline_decided = excluded.discipline_decided,
			decision_date = excluded.decision_date, notice_date = excluded.notice_date,
			updated_at = excluded.updated_at, workstation = excluded.workstation, deleted = 0`,
			o.ID, o.CaseID, o.Findings, o.Violations, o.Conclusion, o.DisciplineProposed,
			o.DisciplineDecided, o.DecisionDate.String(), o.NoticeDate.String(),
			formatTime(o.CreatedAt), o.UpdatedAt.String(), o.Workstation)
		return err
	})
}

// Outcome returns the outcome of a case; a case with none returns an
// empty Outcome, not an error.
func (v *Vault) Outcome(caseID string) (model.Outcome, error) {
	o := model.Outcome{CaseID: caseID}
	err := v.read(func(db *sql.DB) error {
		var dec, notice string
		err := db.QueryRow(`SELECT findings, violations, conclusion, discipline_proposed,
			discipline_decided, decision_date, notice_date FROM case_outcomes
			WHERE case_id = ? AND deleted = 0`, caseID).Scan(&o.Findings, &o.Violations,
			&o.Conclusion, &o.DisciplineProposed, &o.DisciplineDecided, &dec, &notice)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		o.DecisionDate, o.NoticeDate = parseDate(dec), parseDate(notice)
		return err
	})
	return o, err
}

// PeriodCaseCounts counts the live cases whose period overlaps p, by
// kind, by status and by the phase they are in on p's last day. It also
// counts the cases that started and closed in p, the violations and
// discipline of their outcomes, and the tasks due in p with those done
// by their deadline. The caller counts meetings.
func (v *Vault) PeriodCaseCounts(p model.Period) (model.PeriodCounts, error) {
	pc := model.PeriodCounts{Period: p, ByKind: map[model.Kind]int{},
		ByPhase: map[model.PhaseKind]int{}, ByStatus: map[model.Status]int{}}
	from, to := p.Start.String(), p.End.String()
	err := v.read(func(db *sql.DB) error {
		err := scanEach(db, func(rows *sql.Rows) error {
			c, err := scanCase(rows)
			if err != nil {
				return err
			}
			pc.Cases++
			pc.ByKind[c.Kind]++
			pc.ByStatus[c.Status]++
			if !c.Start.Before(p.Start) {
				pc.Started++
			}
			if phases, err := c.Phases(); err == nil {
				if k, ok := model.PhaseOn(phases, minDate(p.End, c.End)); ok {
					pc.ByPhase[k]++
				}
			}
			return nil
		}, `SELECT `+caseColumns+` FROM cases WHERE deleted = 0 AND start_date <= ? AND end_date >= ?`, to, from)
		if err != nil {
			return err
		}
		err = db.QueryRow(`SELECT count(*), coalesce(sum(o.violations > 0), 0), coalesce(sum(o.violations), 0),
			coalesce(sum(o.discipline_proposed != ''), 0), coalesce(sum(o.discipline_decided != ''), 0)
			FROM case_outcomes o CROSS JOIN cases c ON c.id = o.case_id AND c.deleted = 0
			WHERE o.deleted = 0 AND c.start_date <= ? AND c.end_date >= ?`, to, from).Scan(
			new(int), &pc.CasesWithViolation, &pc.Violations, &pc.DisciplineProposed, &pc.DisciplineDecided)
		if err != nil {
			return err
		}
		err = db.QueryRow(`SELECT count(*) FROM cases WHERE deleted = 0 AND status = 'closed'
			AND end_date >= ? AND end_date <= ?`, from, to).Scan(&pc.Closed)
		if err != nil {
			return err
		}
		return db.QueryRow(`SELECT count(*), coalesce(sum(t.status = 'done' AND t.done_on <= t.deadline), 0)
			FROM tasks t JOIN cases c ON c.id = t.case_id AND c.deleted = 0
			WHERE t.deleted = 0 AND t.deadline >= ? AND t.deadline <= ?`, from, to).Scan(&pc.TasksDue, &pc.TasksDoneOnTime)
	})
	return pc, err
}

func minDate(a, b model.Date) model.Date {
	if a.Before(b) {
		return a
	}
	return b
}
