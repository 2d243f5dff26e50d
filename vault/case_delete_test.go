package vault

import (
	"database/sql"

	"sotay/model"
	"testing"
)

func TestDeleteCaseMarksOutcome(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	if err := v.SaveOutcome(&model.Outcome{CaseID: c.ID, Findings: "Kết luận có vi phạm", Violations: 2}); err != nil {
		t.Fatal(err)
	}
	if err := v.DeleteCase(c.ID); err != nil {
		t.Fatal(err)
	}
	var deleted int
	var workstation string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT deleted, workstation FROM case_outcomes WHERE case_id = ?`, c.ID).
			Scan(&deleted, &workstation)
	})
	if err != nil {
		t.Fatal(err)
	}
	if deleted != 1 {
		t.Errorf("outcome of a deleted case has deleted = %d, want 1", deleted)
	}
	if workstation != v.workstation {
		t.Errorf("outcome deletion stamped by %q, want %q", workstation, v.workstation)
	}
}
