package vault

import (
	"testing"

	"sotay/model"
)

// KPI targets and values are real numbers: a share in percent such as
// 87.5 must travel as it is, not make the bundle look tampered.
func TestBundleCarriesFractions(t *testing.T) {
	a, b := officerPair(t)
	k := model.KPI{Code: "CT-TYLE", Name: "Tỷ lệ đơn thư được giải quyết", Unit: "%", Target: 87.5, Exceed: 95.25,
		Frequency: model.PeriodQuarterly}
	if err := a.SaveKPI(&k); err != nil {
		t.Fatal(err)
	}
	if err := a.SetKPIValue(k.ID, firstQuarter, 0.1+0.2); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{TrustSender: true}); err != nil {
		t.Fatalf("import of a backup with fractions: %v", err)
	}
	list, err := b.KPIs()
	if err != nil {
		t.Fatal(err)
	}
	var got *model.KPI
	for i := range list {
		if list[i].ID == k.ID {
			got = &list[i]
		}
	}
	if got == nil || got.Target != 87.5 || got.Exceed != 95.25 {
		t.Fatalf("KPI after the import = %+v, want target 87.5 and exceed 95.25", got)
	}
	values, err := b.KPIValues(k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v := values[firstQuarter.Start]; v != 0.1+0.2 {
		t.Errorf("value after the import = %v, want %v exactly", v, 0.1+0.2)
	}
}
