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

	tenth, fifth := 0.1, 0.2
	value := tenth + fifth // 0.30000000000000004, which needs all 17 digits
	if err := a.SetKPIValue(k.ID, firstQuarter, value); err != nil {
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
	if got == nil {
		t.Fatal("the KPI is missing after the import")
	}
	if got.Target != 87.5 {
		t.Errorf("target after the import = %v, want 87.5", got.Target)
	}
	if got.Exceed != 95.25 {
		t.Errorf("exceed after the import = %v, want 95.25", got.Exceed)
	}

	values, err := b.KPIValues(k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v := values[firstQuarter.Start]; v != value {
		t.Errorf("value after the import = %v, want %v exactly", v, value)
	}
}

// Taking the received side of a conflict on a fractional KPI value
// restores that value exactly.
func TestConflictTakesFractionalValue(t *testing.T) {
	a, b := officerPair(t)
	ShareTestClock(a, b)
	kpiID := seedSharedKPI(t, a)
	seedSharedKPI(t, b)

	if err := a.SetKPIValue(kpiID, firstQuarter, 4); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{}); err != nil {
		t.Fatal(err)
	}

	if err := b.SetKPIValue(kpiID, firstQuarter, 12.75); err != nil {
		t.Fatal(err)
	}
	if err := a.SetKPIValue(kpiID, firstQuarter, 10.5); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, backupTo(t, a, b), ImportOptions{}); err != nil {
		t.Fatal(err)
	}

	conflicts := kpiValueConflicts(t, b)
	if len(conflicts) != 1 {
		t.Fatalf("%d conflicts on KPI values, want 1", len(conflicts))
	}
	keptAside, ok := conflicts[0].Other["value"].(float64)
	if !ok {
		t.Fatalf("kept-aside value %#v is not a number", conflicts[0].Other["value"])
	}
	if err := b.ResolveConflict(conflicts[0].ID, true); err != nil {
		t.Fatalf("taking the other version: %v", err)
	}

	values, err := b.KPIValues(kpiID)
	if err != nil {
		t.Fatal(err)
	}
	if got := values[firstQuarter.Start]; got != keptAside {
		t.Errorf("value after taking the other version = %v, want %v", got, keptAside)
	}
}
