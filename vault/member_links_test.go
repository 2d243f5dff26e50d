package vault

import (
	"errors"
	"testing"
)

func TestUnlinkMemberKey(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	other, _ := newTestVault(t)
	o, err := other.EnsureOfficer("Nguyễn Văn Thành", "Chủ nhiệm")
	if err != nil {
		t.Fatal(err)
	}
	card := o.Card()
	if err := v.AddKeyCard(card); err != nil {
		t.Fatal(err)
	}
	member := f.members[0].ID
	if err := v.LinkMemberKey(member, card.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	links, err := v.MemberKeyLinks()
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[member] != card.Fingerprint() {
		t.Errorf("links after linking = %v, want the one member", links)
	}

	if err := v.UnlinkMemberKey(member); err != nil {
		t.Fatal(err)
	}
	if _, err := v.MemberKey(member); !errors.Is(err, ErrNoMemberKey) {
		t.Errorf("MemberKey after unlinking: err = %v, want ErrNoMemberKey", err)
	}
	if links, _ := v.MemberKeyLinks(); len(links) != 0 {
		t.Errorf("links after unlinking = %v, want none", links)
	}
	if err := v.UnlinkMemberKey(member); !errors.Is(err, ErrNotFound) {
		t.Errorf("second unlink: err = %v, want ErrNotFound", err)
	}
	if _, err := v.KeyCardByFingerprint(card.Fingerprint()); err != nil {
		t.Errorf("card gone from the directory after unlinking: %v", err)
	}

	if err := v.LinkMemberKey(member, card.Fingerprint()); err != nil {
		t.Fatalf("link again: %v", err)
	}
	if err := v.RemoveKeyCard(card.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	if links, _ := v.MemberKeyLinks(); len(links) != 0 {
		t.Errorf("links to a removed card = %v, want none", links)
	}
}

func TestRecordVersion(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, false); err != nil {
		t.Fatal(err)
	}
	row, err := v.RecordVersion("cases", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if row["title"] != c.Title || row["code"] != c.Code || row["deleted"] != int64(0) {
		t.Errorf("row = %v", row)
	}
	if _, err := v.RecordVersion("cases", "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: err = %v, want ErrNotFound", err)
	}
	if _, err := v.RecordVersion("exchange_log", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("table bundles do not carry: err = %v, want ErrNotFound", err)
	}
}
