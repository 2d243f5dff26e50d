package vault

import (
	"errors"
	"testing"

	"sotay/model"
)

func TestRegisterAcrossTermChange(t *testing.T) {
	v, _ := newTestVault(t)
	issue := func(term string) model.DocNumber {
		n := model.DocNumber{Type: "QĐ", Term: term, Issuer: "UBKT", IssuedOn: model.NewDate(2026, 12, 4)}
		if err := v.IssueNumber(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	issue("2020-2025")
	second := issue("2020-2025")
	if second.Text() != "02-QĐ/UBKT" {
		t.Errorf("second number = %s", second.Text())
	}
	if first := issue("2025-2030"); first.Text() != "01-QĐ/UBKT" {
		t.Errorf("first number of the new term = %s, want 01-QĐ/UBKT", first.Text())
	}

	manual := model.DocNumber{Type: "QĐ", Term: "2025-2030", Seq: 5, Issuer: "UBKT", IssuedOn: model.NewDate(2026, 12, 5)}
	if err := v.IssueNumberAt(&manual); err != nil {
		t.Fatal(err)
	}
	again := manual
	again.ID = ""
	if err := v.IssueNumberAt(&again); !errors.Is(err, ErrNumberIssued) {
		t.Errorf("issuing 05 twice = %v, want ErrNumberIssued", err)
	}
	if err := v.VoidNumber(manual.ID); err != nil {
		t.Fatal(err)
	}
	if next := issue("2025-2030"); next.Seq != 6 {
		t.Errorf("number after a voided 05 = %d, want 6", next.Seq)
	}
	numbers, gaps, err := v.Register("QĐ", "2025-2030")
	if err != nil {
		t.Fatal(err)
	}
	if len(numbers) != 3 || !numbers[1].Voided {
		t.Errorf("register = %+v", numbers)
	}
	if len(gaps) != 3 || gaps[0] != 2 || gaps[2] != 4 {
		t.Errorf("gaps = %v, want [2 3 4]", gaps)
	}
}
