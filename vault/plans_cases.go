package vault

import (
	"database/sql"

	"sotay/model"
)

// CaseExtra is the lead and subject of a case, the fields a spreadsheet
// of cases needs beyond the case list.
type CaseExtra struct {
	Lead        string
	SubjectType model.SubjectType
	SubjectUnit string
}

// CaseExtras returns the lead and subject of every live case, keyed by
// id, in one query.
func (v *Vault) CaseExtras() (map[string]CaseExtra, error) {
	out := map[string]CaseExtra{}
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var id, st string
			var e CaseExtra
			if err := rows.Scan(&id, &e.Lead, &st, &e.SubjectUnit); err != nil {
				return err
			}
			e.SubjectType = model.SubjectType(st)
			out[id] = e
			return nil
		}, `SELECT id, lead, subject_type, subject_unit FROM cases WHERE deleted = 0`)
	})
	return out, err
}
