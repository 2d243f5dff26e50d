package vault_test

import (
	"errors"
	"testing"

	"sotay/model"
	"sotay/vault"
)

func TestClashTakeOtherRejected(t *testing.T) {
	a := newBackupSession(t, "a")
	b := newBackupSession(t, "b")
	for _, v := range []*vault.Vault{a.Vault, b.Vault} {
		n := model.DocNumber{Type: "QĐ", Term: "2025-2030", Issuer: "UBKT", IssuedOn: backupToday,
			Subject: "Quyết định của " + v.Workstation()}
		if err := v.IssueNumber(&n); err != nil {
			t.Fatal(err)
		}
	}
	path, pass := backupOf(t, a)
	if p := restore(t, b, path, pass); p.Tables["doc_numbers"].Conflicts != 1 {
		t.Fatalf("doc_numbers changes = %+v, want one conflict", p.Tables["doc_numbers"])
	}
	conflicts, err := b.Conflicts()
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("conflicts = %d, %v; want 1", len(conflicts), err)
	}

	if err := b.ResolveConflict(conflicts[0].ID, true); !errors.Is(err, vault.ErrNumberIssued) {
		t.Errorf("taking the other number = %v, want ErrNumberIssued", err)
	}
	if left, _ := b.Conflicts(); len(left) != 1 {
		t.Errorf("%d conflicts open after the rejected choice, want 1", len(left))
	}
	if err := b.ResolveConflict(conflicts[0].ID, false); err != nil {
		t.Fatalf("keeping the current number: %v", err)
	}
	numbers, _, err := b.Register("QĐ", "2025-2030")
	if err != nil || len(numbers) != 1 || numbers[0].Subject != "Quyết định của "+b.Workstation() {
		t.Errorf("register = %+v, %v; want only this vault's number", numbers, err)
	}
}
