package vault

import (
	"database/sql"
	"errors"
	"fmt"

	"sotay/model"
)

// ErrNumberIssued is returned by IssueNumberAt for a number the register
// already holds, voided or not: a number is never given twice.
var ErrNumberIssued = errors.New("document number already issued")

// IssueNumber gives n the next sequence number of its type and term:
// one more than the highest ever issued, voided and deleted rows
// included, so that no number is reused. It stores n and returns it.
func (v *Vault) IssueNumber(n *model.DocNumber) error {
	return v.write(func(tx *sql.Tx) error {
		if err := tx.QueryRow(`SELECT coalesce(max(seq), 0) + 1 FROM doc_numbers
			WHERE doc_type = ? AND term = ?`, n.Type, n.Term).Scan(&n.Seq); err != nil {
			return err
		}
		return v.insertNumber(tx, n)
	})
}

// IssueNumberAt stores n with the sequence number it carries, for a
// document numbered by hand. It returns ErrNumberIssued when the number
// is already in the register.
func (v *Vault) IssueNumberAt(n *model.DocNumber) error {
	if n.Seq < 1 {
		return invalid(FieldCode, fmt.Sprintf("number %d is not 1 or more", n.Seq))
	}
	return v.write(func(tx *sql.Tx) error {
		var id string
		err := tx.QueryRow(`SELECT id FROM doc_numbers WHERE doc_type = ? AND term = ? AND seq = ?`,
			n.Type, n.Term, n.Seq).Scan(&id)
		if err == nil {
			return fmt.Errorf("%w: %s", ErrNumberIssued, n.Text())
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return v.insertNumber(tx, n)
	})
}

func (v *Vault) insertNumber(tx *sql.Tx, n *model.DocNumber) error {
	n.Type, n.Term, n.Issuer = model.Normalize(n.Type), model.Normalize(n.Term), model.Normalize(n.Issuer)
	n.Subject = model.Normalize(n.Subject)
	if n.Type == "" || n.Term == "" {
		return invalid(FieldCode, "the document type or term is empty")
	}
	if n.IssuedOn.IsZero() {
		return invalid(FieldDate, "the issue date is missing")
	}
	v.stamp(&n.Record)
	_, err := tx.Exec(`INSERT INTO doc_numbers (id, doc_type, term, seq, issuer, issued_on, subject,
		case_id, voided, created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.Type, n.Term, n.Seq, n.Issuer, n.IssuedOn.String(), n.Subject, n.CaseID,
		boolInt(n.Voided), formatTime(n.CreatedAt), n.UpdatedAt.String(), n.Workstation)
	return err
}

// VoidNumber marks a number voided; it stays in the register and is
// never issued again.
func (v *Vault) VoidNumber(id string) error {
	return v.write(func(tx *sql.Tx) error {
		return expectRow(tx.Exec(`UPDATE doc_numbers SET voided = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, v.clock.Now().String(), v.workstation, id))
	})
}

// Register returns the numbers of a type and term by sequence, and the
// sequence numbers below the highest that no row holds.
func (v *Vault) Register(typ, term string) ([]model.DocNumber, []int, error) {
	var out []model.DocNumber
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var n model.DocNumber
			var issued string
			var voided int
			if err := rows.Scan(&n.ID, &n.Type, &n.Term, &n.Seq, &n.Issuer, &issued, &n.Subject,
				&n.CaseID, &voided); err != nil {
				return err
			}
			n.IssuedOn, n.Voided = parseDate(issued), voided == 1
			out = append(out, n)
			return nil
		}, `SELECT id, doc_type, term, seq, issuer, issued_on, subject, case_id, voided
			FROM doc_numbers WHERE doc_type = ? AND term = ? ORDER BY seq`, model.Normalize(typ), model.Normalize(term))
	})
	seqs := make([]int, len(out))
	for i, n := range out {
		seqs[i] = n.Seq
	}
	return out, model.Gaps(seqs), err
}

// RegisterTypes returns the document types with a number in term.
func (v *Vault) RegisterTypes(term string) ([]string, error) {
	var out []string
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var t string
			if err := rows.Scan(&t); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		}, `SELECT DISTINCT doc_type FROM doc_numbers WHERE term = ? ORDER BY doc_type`, term)
	})
	return out, err
}
