package vault_test

import (
	"context"
	"path/filepath"
	"testing"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// seedTables are the tables that screens fill with defaults the first
// time they open.
var seedTables = []string{"report_rules", "reports", "kpis", "doc_templates", "handbook"}

// openSeedingScreens calls what Hôm nay, the report calendar, the KPI
// list, the document templates and the handbook call when they open.
func openSeedingScreens(t *testing.T, s *app.Session) {
	t.Helper()
	if _, err := app.UpcomingReports(s, backupToday); err != nil {
		t.Fatal(err)
	}
	if _, err := app.LoadReportCalendar(s, backupToday.Year, backupToday); err != nil {
		t.Fatal(err)
	}
	if _, err := app.LoadKPIs(s, backupToday.Year, backupToday); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Forms(s); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Handbook(s); err != nil {
		t.Fatal(err)
	}
}

// rowCounts counts the rows of the seeded tables, live and with a
// deletion mark.
func rowCounts(t *testing.T, s *app.Session) map[string][2]int {
	t.Helper()
	out := map[string][2]int{}
	all := vault.RecordTableRows(t, s.Vault)
	for _, table := range seedTables {
		var c [2]int
		for _, row := range all[table] {
			c[0]++
			if row["deleted"] == int64(0) {
				c[1]++
			}
		}
		out[table] = c
	}
	return out
}

// backupOf writes a passphrase backup of s and returns its path and
// passphrase.
func backupOf(t *testing.T, s *app.Session) (string, []byte) {
	t.Helper()
	pass := []byte("mật khẩu sao lưu mặc định")
	path := filepath.Join(t.TempDir(), "sao-luu.sotay")
	req := vault.ExportRequest{Kind: vault.KindBackup, Passphrase: pass, ConfirmOverLimit: true}
	if _, err := app.ExportBundle(context.Background(), s, req, path); err != nil {
		t.Fatal(err)
	}
	return path, pass
}

func restore(t *testing.T, s *app.Session, path string, pass []byte) *vault.ImportPreview {
	t.Helper()
	opts := vault.ImportOptions{Key: vault.PassphraseKey(pass), TrustSender: true}
	p, err := app.ImportBundle(context.Background(), s, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func ruleByCode(t *testing.T, s *app.Session, code string) model.ReportRule {
	t.Helper()
	rules, err := s.ReportRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no report rule %s", code)
	return model.ReportRule{}
}

func kpiByCode(t *testing.T, s *app.Session, code string) (model.KPI, bool) {
	t.Helper()
	kpis, err := s.KPIs()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kpis {
		if k.Code == code {
			return k, true
		}
	}
	return model.KPI{}, false
}

func handbookEntry(t *testing.T, s *app.Session, title string) model.HandbookEntry {
	t.Helper()
	entries, err := s.Handbook()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.TaskTitle == title && e.Kind == "" {
			return e
		}
	}
	t.Fatalf("no handbook entry %q", title)
	return model.HandbookEntry{}
}

// firstReport returns the first report of the year of rule ruleID.
func firstReport(t *testing.T, s *app.Session, ruleID string) model.Report {
	t.Helper()
	reports, err := s.Reports(model.NewDate(backupToday.Year, 1, 1), model.NewDate(backupToday.Year, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if r.RuleID == ruleID {
			return r
		}
	}
	t.Fatalf("no report of rule %s", ruleID)
	return model.Report{}
}

// The values the test's edits of seeded rows set.
const (
	editedRuleName  = "Báo cáo tháng gửi Ủy ban Kiểm tra Tỉnh ủy"
	editedGuidance  = "Gửi đối tượng đề cương kèm kế hoạch, hạn nộp 10 ngày."
	localGuidance   = "Phân công bằng văn bản, mỗi thành viên một nội dung."
	editedTemplate  = "Biên bản làm việc (mẫu của Văn phòng)"
	editedKPITarget = 88
)

// editSeeds changes one seeded row of each table in s, sets a report's
// status, deletes a KPI and adds a rule of the user's own.
func editSeeds(t *testing.T, s *app.Session) {
	t.Helper()
	rule := ruleByCode(t, s, "BC-THANG")
	rule.Name = editedRuleName
	if err := s.SaveReportRule(&rule); err != nil {
		t.Fatal(err)
	}
	quarter := ruleByCode(t, s, "BC-QUY")
	r := firstReport(t, s, quarter.ID)
	if err := s.SetReportStatus(r.ID, model.ReportSent, r.Due.AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	own := model.ReportRule{Code: "BC-RIENG", Name: "Báo cáo riêng của Văn phòng", Kind: model.ReportPeriodic,
		Period: model.PeriodQuarterly, Cutoff: 15, Due: model.DueRule{Kind: model.DueDayOfLastMonth, N: 25},
		Active: true}
	if err := s.SaveReportRule(&own); err != nil {
		t.Fatal(err)
	}
	if _, err := app.LoadReportCalendar(s, backupToday.Year, backupToday); err != nil {
		t.Fatal(err)
	}

	k, _ := kpiByCode(t, s, "NV-DUNGHAN")
	k.Target = editedKPITarget
	if err := s.SaveKPI(&k); err != nil {
		t.Fatal(err)
	}
	deleted, _ := kpiByCode(t, s, "DG-CAPTREN")
	if err := s.DeleteKPI(deleted.ID); err != nil {
		t.Fatal(err)
	}

	tpl, err := s.Template("bien-ban")
	if err != nil {
		t.Fatal(err)
	}
	tpl.Name = editedTemplate
	if err := app.SaveTemplate(s, &tpl); err != nil {
		t.Fatal(err)
	}

	e := handbookEntry(t, s, "Xây dựng đề cương gợi ý đối tượng báo cáo")
	e.Guidance = editedGuidance
	if err := s.SaveHandbookEntry(&e); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreAfterSeedingKeepsOneOfEach(t *testing.T) {
	a := newBackupSession(t, "a")
	openSeedingScreens(t, a)
	editSeeds(t, a)
	want := rowCounts(t, a)
	path, pass := backupOf(t, a)

	b := newBackupSession(t, "b")
	openSeedingScreens(t, b)
	// An edit made here to a row that the backup holds untouched stays.
	e := handbookEntry(t, b, "Phân công nhiệm vụ thành viên đoàn")
	e.Guidance = localGuidance
	if err := b.SaveHandbookEntry(&e); err != nil {
		t.Fatal(err)
	}

	p := restore(t, b, path, pass)
	if p.Total.Conflicts != 0 {
		t.Errorf("restore found %d conflicts, want none: %+v", p.Total.Conflicts, p.Tables)
	}
	for _, table := range seedTables {
		if got := rowCounts(t, b)[table]; got != want[table] {
			t.Errorf("%s after the restore: %d rows, %d live; want %d, %d as in the backup",
				table, got[0], got[1], want[table][0], want[table][1])
		}
	}

	openSeedingScreens(t, b)
	for _, table := range seedTables {
		if got := rowCounts(t, b)[table]; got != want[table] {
			t.Errorf("%s after opening the screens again: %d rows, %d live; want %d, %d",
				table, got[0], got[1], want[table][0], want[table][1])
		}
	}

	if got := ruleByCode(t, b, "BC-THANG").Name; got != editedRuleName {
		t.Errorf("rule BC-THANG is named %q, want the backup's %q", got, editedRuleName)
	}
	quarter := ruleByCode(t, b, "BC-QUY")
	if got := firstReport(t, b, quarter.ID); got.Status != model.ReportSent {
		t.Errorf("first quarterly report is %q, want the backup's %q", got.Status, model.ReportSent)
	}
	if k, _ := kpiByCode(t, b, "NV-DUNGHAN"); k.Target != editedKPITarget {
		t.Errorf("KPI NV-DUNGHAN target = %v, want the backup's %v", k.Target, editedKPITarget)
	}
	if _, ok := kpiByCode(t, b, "DG-CAPTREN"); ok {
		t.Error("KPI DG-CAPTREN deleted in the backup is live after the restore")
	}
	if tpl, err := b.Template("bien-ban"); err != nil || tpl.Name != editedTemplate {
		t.Errorf("template bien-ban = %q, %v; want the backup's %q", tpl.Name, err, editedTemplate)
	}
	if got := handbookEntry(t, b, "Xây dựng đề cương gợi ý đối tượng báo cáo").Guidance; got != editedGuidance {
		t.Errorf("handbook guidance = %q, want the backup's %q", got, editedGuidance)
	}
	if got := handbookEntry(t, b, "Phân công nhiệm vụ thành viên đoàn").Guidance; got != localGuidance {
		t.Errorf("handbook guidance edited here = %q, want it kept: %q", got, localGuidance)
	}
	if left, _ := b.Conflicts(); len(left) != 0 {
		t.Errorf("%d conflicts stored, want none", len(left))
	}
}

// The backup comes from a vault seeded before defaults had fixed ids:
// its defaults are rows of its own with random ids. Opening the screens
// after the restore drops the untouched defaults of this vault that those
// rows duplicate.
func TestRestoreOldBackupDropsUntouchedSeeds(t *testing.T) {
	a := newBackupSession(t, "a")
	for _, r := range app.DefaultReportRules() {
		if err := a.SaveReportRule(&r); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range app.StarterKPIs() {
		if err := a.SaveKPI(&k); err != nil {
			t.Fatal(err)
		}
	}
	for _, tpl := range app.DefaultTemplates() {
		if err := a.SaveTemplate(&tpl); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range app.DefaultHandbook() {
		if err := a.SaveHandbookEntry(&e); err != nil {
			t.Fatal(err)
		}
	}
	openSeedingScreens(t, a)
	k, _ := kpiByCode(t, a, "HN-SOCUOC")
	if err := a.SetKPIValue(k.ID, model.Period{Start: model.NewDate(2026, 1, 1), End: model.NewDate(2026, 3, 31)}, 4); err != nil {
		t.Fatal(err)
	}
	want := rowCounts(t, a)
	path, pass := backupOf(t, a)

	b := newBackupSession(t, "b")
	openSeedingScreens(t, b)
	// A value entered here refers to this vault's own default KPI, which
	// then stays beside the backup's copy.
	valued, _ := kpiByCode(t, b, "TB-SONGAY")
	if err := b.SetKPIValue(valued.ID, model.Period{Start: model.NewDate(2026, 1, 1), End: model.NewDate(2026, 3, 31)}, 52); err != nil {
		t.Fatal(err)
	}
	restore(t, b, path, pass)
	openSeedingScreens(t, b)

	got := rowCounts(t, b)
	for _, table := range seedTables {
		w := want[table]
		if table == "kpis" {
			w = [2]int{w[0] + 1, w[1] + 1}
		}
		if got[table] != w {
			t.Errorf("%s: %d rows, %d live; want %d, %d", table, got[table][0], got[table][1], w[0], w[1])
		}
	}
	if _, ok := kpiByCode(t, b, "TB-SONGAY"); !ok {
		t.Error("KPI TB-SONGAY with a value entered here is gone")
	}
}

func TestFreshSeedsShareIDs(t *testing.T) {
	a := newBackupSession(t, "a")
	b := newBackupSession(t, "b")
	openSeedingScreens(t, a)
	openSeedingScreens(t, b)
	rowsA, rowsB := vault.RecordTableRows(t, a.Vault), vault.RecordTableRows(t, b.Vault)
	for _, table := range seedTables {
		if len(rowsA[table]) == 0 {
			t.Errorf("%s: no seeded row", table)
		}
		for id := range rowsA[table] {
			if _, ok := rowsB[table][id]; !ok {
				t.Errorf("%s %s seeded in one vault only", table, id)
			}
		}
	}
}
