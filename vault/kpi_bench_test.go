package vault_test

import (
	"os"
	"path/filepath"
	"testing"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// benchSession is the seeded vault of the KPI and export benchmarks,
// with a plan of 200 items linked to its cases, kept for the whole run.
var benchSession *app.Session

// benchToday is the day the benchmarks compute on: the seeded cases
// start from 2020 to mid-2025.
var benchToday = model.NewDate(2025, 12, 31)

func openKPIBench(b *testing.B) *app.Session {
	b.Helper()
	if benchSession != nil {
		return benchSession
	}
	dir := b.TempDir()
	v, err := vault.Create(filepath.Join(dir, "v"), []byte("mật khẩu đo hiệu năng"), vault.CreateOptions{KDF: vault.FloorKDF})
	if err != nil {
		b.Fatal(err)
	}
	vault.SeedBench(b, v)
	s := app.NewSession(v)
	list, err := s.ListCases(vault.CaseQuery{Sort: vault.SortByCode, Limit: 10000, Today: benchToday})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, c := range list {
		if c.Start.Year != 2025 || n == 200 {
			continue
		}
		it := model.PlanItem{Year: 2025, Kind: c.Kind, Title: c.Title, Month: int(c.Start.Month)}
		if err := s.SavePlanItem(&it); err != nil {
			b.Fatal(err)
		}
		if err := s.LinkPlanItem(it.ID, c.ID); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.Cleanup(func() {})
	benchSession = s
	return s
}

func BenchmarkKPISet(b *testing.B) {
	s := openKPIBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := app.LoadKPIs(s, 2025, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDashboard(b *testing.B) {
	s := openKPIBench(b)
	p := app.DashboardPeriods(2025)[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := app.LoadDashboard(s, p, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportCasesXLSX(b *testing.B) {
	s := openKPIBench(b)
	out := filepath.Join(b.TempDir(), "hồ sơ.xlsx")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := app.ExportXLSX(s, app.TableCases, 2025, benchToday, out); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if st, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(st.Size()), "bytes")
	}
}
