package vault_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// backupToday is the day the demo data is made relative to.
var backupToday = model.NewDate(2026, 12, 4)

func newBackupSession(t *testing.T, name string) *app.Session {
	t.Helper()
	v, err := vault.Create(filepath.Join(t.TempDir(), name), []byte("mật khẩu kho sao lưu"),
		vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		t.Fatal(err)
	}
	s := app.NewSession(v)
	t.Cleanup(s.Lock)
	return s
}

// fillEveryKind fills s with the demo data and adds what the demo leaves
// out: a Pomodoro log, an urgency set by hand, the handbook, settings,
// keys, a member's key link, and deletion marks on a document, a
// material and a to-do.
func fillEveryKind(t *testing.T, s *app.Session) {
	t.Helper()
	if err := app.FillDemo(s, backupToday); err != nil {
		t.Fatal(err)
	}

	cases, err := s.ListCases(vault.CaseQuery{Today: backupToday, Sort: vault.SortByCode, Limit: 100})
	if err != nil || len(cases) < 2 {
		t.Fatalf("demo cases: %d, %v", len(cases), err)
	}
	tasks, err := s.Tasks(cases[0].ID)
	if err != nil || len(tasks) == 0 {
		t.Fatalf("demo tasks: %d, %v", len(tasks), err)
	}
	if err := s.SetTaskPriority(tasks[0].ID, true, true, ""); err != nil {
		t.Fatal(err)
	}

	start := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	err = s.AddPomodoroSessions([]model.PomodoroSession{{TaskKind: model.LinkTask, TaskID: tasks[0].ID,
		Phase: model.PhaseWork, StartedAt: start, EndedAt: start.Add(25 * time.Minute),
		Worked: 25 * time.Minute, Completed: true}})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := app.Handbook(s); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAutoLock(12); err != nil {
		t.Fatal(err)
	}
	if err := app.SetUrgentDays(s, 7); err != nil {
		t.Fatal(err)
	}

	addKeys(t, s)
	deleteSome(t, s, cases[1].ID)
}

// addKeys creates the officer keys, adds another officer's card to the
// key directory and links it to a member of the meetings directory.
func addKeys(t *testing.T, s *app.Session) {
	t.Helper()
	if _, err := s.EnsureOfficer("Trần Thị Bình", "Kiểm tra viên"); err != nil {
		t.Fatal(err)
	}
	other := newBackupSession(t, "other")
	o, err := other.EnsureOfficer("Lê Văn Cường", "Ủy viên")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddKeyCard(o.Card()); err != nil {
		t.Fatal(err)
	}
	members, err := s.Members()
	if err != nil || len(members) == 0 {
		t.Fatalf("demo members: %d, %v", len(members), err)
	}
	if err := s.LinkMemberKey(members[0].ID, o.Card().Fingerprint()); err != nil {
		t.Fatal(err)
	}
}

// deleteSome puts deletion marks on a document of caseID, a material of
// the first demo meeting that has one, and a to-do.
func deleteSome(t *testing.T, s *app.Session, caseID string) {
	t.Helper()
	docs, err := s.Documents(caseID)
	if err != nil || len(docs) == 0 {
		t.Fatalf("demo documents: %d, %v", len(docs), err)
	}
	if err := s.DeleteDocument(docs[0].ID); err != nil {
		t.Fatal(err)
	}

	meetings, err := s.Meetings(backupToday.AddDays(-365), backupToday.AddDays(365))
	if err != nil {
		t.Fatal(err)
	}
	deleted := false
	for _, m := range meetings {
		files, err := s.Materials(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) > 0 {
			if err := s.DeleteMaterial(files[0].ID); err != nil {
				t.Fatal(err)
			}
			deleted = true
			break
		}
	}
	if !deleted {
		t.Fatal("no demo meeting has a material")
	}

	todos, err := s.OpenTodos()
	if err != nil || len(todos) == 0 {
		t.Fatalf("demo to-dos: %d, %v", len(todos), err)
	}
	if err := s.DeleteTodo(todos[0].ID); err != nil {
		t.Fatal(err)
	}
}

func TestBackupRestoresEveryTable(t *testing.T) {
	source := newBackupSession(t, "source")
	fillEveryKind(t, source)
	vault.AddFractions(t, source.Vault)
	for table, rows := range vault.RecordTableRows(t, source.Vault) {
		if len(rows) == 0 {
			t.Errorf("the filled vault has no %s row, so the round trip does not check that table", table)
		}
	}

	ctx := context.Background()
	pass := []byte("mật khẩu gói sao lưu toàn bộ")
	path := filepath.Join(t.TempDir(), "sao-luu.sotay")
	req := vault.ExportRequest{Kind: vault.KindBackup, Passphrase: pass, ConfirmOverLimit: true}
	m, err := app.ExportBundle(ctx, source, req, path)
	if err != nil {
		t.Fatal(err)
	}

	restored := newBackupSession(t, "restored")
	opts := vault.ImportOptions{Key: vault.PassphraseKey(pass), TrustSender: true}
	p, err := app.ImportBundle(ctx, restored, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Applied || p.Total.Added != m.Records {
		t.Errorf("restore applied = %v, added %d of %d records", p.Applied, p.Total.Added, m.Records)
	}
	vault.CompareRecordTables(t, source.Vault, restored.Vault)
	compareContents(t, source, restored)

	opts.AllowReplay = true
	p, err = app.ImportBundle(ctx, restored, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if p.Total.Added+p.Total.Updated+p.Total.Conflicts != 0 {
		t.Errorf("second restore of the same backup changes %+v, want nothing", p.Total)
	}
	vault.CompareRecordTables(t, source.Vault, restored.Vault)
}

// compareContents checks that every live case document of want reads
// back byte for byte from got.
func compareContents(t *testing.T, want, got *app.Session) {
	t.Helper()
	cases, err := want.ListCases(vault.CaseQuery{Today: backupToday, Sort: vault.SortByCode, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		docs, err := want.Documents(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			var a, b bytes.Buffer
			if err := want.WriteDocument(d.ID, &a); err != nil {
				t.Fatal(err)
			}
			if err := got.WriteDocument(d.ID, &b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("document %s %q after the restore: %d bytes, %v; want %d bytes",
					c.Code, d.Name, b.Len(), err, a.Len())
			}
			n++
		}
	}
	if n == 0 {
		t.Error("the filled vault has no live document to compare")
	}
}
