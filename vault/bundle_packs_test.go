package vault

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"sotay/model"
)

// linkFirstMember gives the first attendee of f a vault of their own and
// links its key card to them in the sender's directory. It returns the
// attendee's vault, whose key directory contains the sender's card.
func linkFirstMember(t *testing.T, f *meetingFixture) *Vault {
	t.Helper()
	sender := f.v
	own, _ := sender.EnsureOfficer("Thư ký hội nghị", "")
	member, _ := newTestVault(t)
	memberOfficer, _ := member.EnsureOfficer(f.members[0].Name, "Ủy viên")
	member.AddKeyCard(own.Card())
	if err := sender.AddKeyCard(memberOfficer.Card()); err != nil {
		t.Fatal(err)
	}
	if err := sender.LinkMemberKey(f.members[0].ID, memberOfficer.Card().Fingerprint()); err != nil {
		t.Fatal(err)
	}
	return member
}

func TestMeetingPackPerMember(t *testing.T) {
	f := newMeetingFixture(t)
	sender := f.v
	for _, ver := range f.versions {
		if err := sender.AppraiseVersion(ver.ID, model.NewDate(2026, time.December, 10), "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	member := linkFirstMember(t, f)

	dir := t.TempDir()
	sentOn := model.NewDate(2026, time.December, 15)
	results, err := sender.ExportMeetingPacks(context.Background(), f.meeting.ID, dir, sentOn, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(f.members) {
		t.Fatalf("%d results, want one per attendee", len(results))
	}
	if results[0].Err != nil || results[0].Versions != 2 {
		t.Fatalf("pack of the linked member: %+v", results[0])
	}
	for _, r := range results[1:] {
		if !errors.Is(r.Err, ErrNoMemberKey) {
			t.Errorf("member without key: err = %v, want ErrNoMemberKey", r.Err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files written, want 1", len(entries))
	}

	f2, err := os.Open(results[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	info, _ := f2.Stat()
	p, err := member.ImportBundle(context.Background(), f2, info.Size(), ImportOptions{})
	if err != nil {
		t.Fatalf("import of the pack: %v", err)
	}
	if p.Tables["material_versions"].Added != 2 || p.Tables["members"].Added != 1 || p.Tables["distributions"].Added != 0 {
		t.Errorf("pack holds %+v", p.Tables)
	}
	if _, err := member.Meeting(f.meeting.ID); err != nil {
		t.Errorf("meeting after import: %v", err)
	}

	sent, err := sender.Distributions(f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	bundled := 0
	for _, d := range sent {
		if d.MemberID == f.members[0].ID && d.Channel == model.ChannelBundle && d.SentOn == sentOn {
			bundled++
		}
	}
	if bundled != 2 {
		t.Errorf("distribution rows by USB bundle = %d, want 2", bundled)
	}
}

// A meeting whose materials are not appraised has nothing to send: no
// pack is written and the record gains no send.
func TestMeetingPacksNeedAppraisedMaterial(t *testing.T) {
	f := newMeetingFixture(t)
	sender := f.v
	linkFirstMember(t, f)

	dir := t.TempDir()
	results, err := sender.ExportMeetingPacks(context.Background(), f.meeting.ID, dir,
		model.NewDate(2026, time.December, 15), false, nil)
	if !errors.Is(err, ErrNothingAppraised) || len(results) != 0 {
		t.Fatalf("packs without appraised material = %d results, %v; want none and ErrNothingAppraised",
			len(results), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files written, want none", len(entries))
	}
	if sent, _ := sender.Distributions(f.meeting.ID); len(sent) != 0 {
		t.Errorf("the record gained %d sends, want none", len(sent))
	}
}
