package vault

import (
	"bytes"
	"context"
	"testing"

	"sotay/model"
)

// backupTo exports from's whole vault, encrypted to the officer of to.
func backupTo(t *testing.T, from, to *Vault) []byte {
	t.Helper()
	var buf bytes.Buffer
	req := ExportRequest{Kind: KindBackup, Recipients: []KeyCard{cardOf(t, to)}}
	if _, err := from.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBackupSettingsFillMissingKeys(t *testing.T) {
	a, b := officerPair(t)
	for key, value := range map[string]string{"auto_lock_minutes": "12", "distribution_days": "7"} {
		if err := a.SetSetting(key, value); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.SetSetting("auto_lock_minutes", "3"); err != nil {
		t.Fatal(err)
	}

	p, err := importBytes(b, backupTo(t, a, b), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Tables["settings"]; got.Added != 1 || got.Kept != 1 {
		t.Errorf("settings changes = %+v, want 1 added and 1 kept", got)
	}
	if got, _ := b.Setting("distribution_days", ""); got != "7" {
		t.Errorf("missing setting after the backup = %q, want 7", got)
	}
	if got, _ := b.Setting("auto_lock_minutes", ""); got != "3" {
		t.Errorf("setting the vault had = %q, want its own 3", got)
	}

	c := addCaseWithDocument(t, a, "KT-40", 10)
	var buf bytes.Buffer
	req := ExportRequest{Kind: KindCases, CaseIDs: []string{c.ID}, Recipients: []KeyCard{cardOf(t, b)}}
	m, err := a.ExportBundle(context.Background(), req, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tables["settings"] != 0 {
		t.Errorf("a case bundle carries %d settings", m.Tables["settings"])
	}
}

func TestBackupNumberClashIsConflict(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-41", 10)
	issue := func(v *Vault, subject string) model.DocNumber {
		t.Helper()
		n := model.DocNumber{Type: "QĐ", Term: "2026", Issuer: "UBKT",
			IssuedOn: model.NewDate(2026, 12, 4), Subject: subject, CaseID: c.ID}
		if err := v.IssueNumber(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	theirs := issue(a, "Quyết định kiểm tra")
	ours := issue(b, "Quyết định giám sát")
	if theirs.Seq != ours.Seq {
		t.Fatalf("both vaults issued %d and %d, want the same number", theirs.Seq, ours.Seq)
	}

	caseBundle := exportTo(t, a, cardOf(t, b), c.ID)
	key, _ := b.OfficerKey()
	m, err := VerifyBundle(context.Background(), bytes.NewReader(caseBundle), int64(len(caseBundle)), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tables["doc_numbers"] != 0 {
		t.Errorf("a case bundle carries %d register rows", m.Tables["doc_numbers"])
	}

	p, err := importBytes(b, backupTo(t, a, b), ImportOptions{})
	if err != nil {
		t.Fatalf("backup with a number the vault issued too: %v", err)
	}
	if got := p.Tables["doc_numbers"]; got.Conflicts != 1 || got.Added != 0 {
		t.Errorf("register changes = %+v, want 1 conflict", got)
	}
	numbers, _, err := b.Register("QĐ", "2026")
	if err != nil {
		t.Fatal(err)
	}
	if len(numbers) != 1 || numbers[0].ID != ours.ID {
		t.Errorf("register after the backup = %+v, want only the vault's own number", numbers)
	}
	conflicts, err := b.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	var clash *Conflict
	for i := range conflicts {
		if conflicts[i].Table == "doc_numbers" {
			clash = &conflicts[i]
		}
	}
	if clash == nil {
		t.Fatal("no conflict recorded for the number issued twice")
	}
	if clash.RecordID != ours.ID || clash.Other["id"] != theirs.ID || clash.Other["subject"] != theirs.Subject {
		t.Errorf("conflict on %s keeps %v, want the other vault's number against ours", clash.RecordID, clash.Other)
	}
	if err := b.ResolveConflict(clash.ID, false); err != nil {
		t.Errorf("keeping our number: %v", err)
	}
}
