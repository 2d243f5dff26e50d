package vault

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sotay/model"
)

// ErrCodeShared is wrapped by CaseByCode's error when several live cases
// have the code.
var ErrCodeShared = errors.New("several cases have this code")

// CodeSharedError names a case code that several live cases share, as
// after importing a case numbered on another workstation, and their ids
// in creation order.
type CodeSharedError struct {
	Code string
	IDs  []string
}

func (e *CodeSharedError) Error() string {
	return fmt.Sprintf("case code %s: %v: %s", e.Code, ErrCodeShared, strings.Join(e.IDs, ", "))
}

func (e *CodeSharedError) Unwrap() error { return ErrCodeShared }

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
