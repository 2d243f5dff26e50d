package vault

import (
	"database/sql"

	"sotay/model"
)

// CaseIDsByCode returns the ids of the live cases whose code is code, in
// creation order. One vault gives each code to one case, but every vault
// numbers its cases on its own, so an imported case can bring a code
// that a local case already has.
func (v *Vault) CaseIDsByCode(code string) ([]string, error) {
	var ids []string
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id FROM cases WHERE deleted = 0 AND code = ? ORDER BY created_at, id`,
			model.Normalize(code))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}
