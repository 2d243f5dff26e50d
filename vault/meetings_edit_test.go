package vault

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"sotay/model"
)

func TestAgendaItemUpdateIsRecord(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	before := f.items[0]
	c := model.Case{Code: "KT-01/2026", Title: "Kiểm tra Đảng ủy xã Tân Lập", Kind: model.KindViolationInspection,
		Start: model.NewDate(2026, time.October, 1), End: model.NewDate(2027, time.January, 31)}
	if err := v.CreateCase(&c, false); err != nil {
		t.Fatal(err)
	}

	it := before
	it.Title, it.Presenter, it.CaseID, it.Duration = "  Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập ", "Đồng chí Thành", c.ID, 50
	if err := v.UpdateAgendaItem(&it); err != nil {
		t.Fatal(err)
	}
	items, err := v.AgendaItems(f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := items[0]
	if got.Title != "Báo cáo kết quả kiểm tra Đảng ủy xã Tân Lập" || got.Presenter != "Đồng chí Thành" ||
		got.CaseID != c.ID || got.Duration != 50 {
		t.Errorf("updated item = %+v", got)
	}
	if got.UpdatedAt.Compare(before.UpdatedAt) <= 0 {
		t.Errorf("updated_at %v is not after %v", got.UpdatedAt, before.UpdatedAt)
	}
	if got.Workstation != v.Workstation() || got.Position != before.Position {
		t.Errorf("workstation %q, position %d; want %q, %d", got.Workstation, got.Position, v.Workstation(), before.Position)
	}

	bad := got
	bad.Title = " "
	if err := v.UpdateAgendaItem(&bad); !isField(err, FieldAgendaTitle) {
		t.Errorf("empty title: err = %v, want a ValidationError on the title", err)
	}
	bad = got
	bad.CaseID = "no-such-case"
	if err := v.UpdateAgendaItem(&bad); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown case: err = %v, want ErrNotFound", err)
	}
}

func isField(err error, field Field) bool {
	var ve *ValidationError
	return errors.As(err, &ve) && ve.Field == field
}

func TestMemberEditKeepsRecord(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	day := model.NewDate(2026, time.December, 7)
	if err := v.AppraiseVersion(f.versions[0].ID, day, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}

	m := f.members[1]
	m.Name, m.Title, m.Role = "Trần Thị Ngọc Bích", "Phó Chủ nhiệm", model.MemberStanding
	if err := v.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	list, _ := v.Members()
	if len(list) != 3 || list[1].Name != "Trần Thị Ngọc Bích" || list[1].Role != model.MemberStanding {
		t.Fatalf("members after the edit = %+v", list)
	}
	if list[1].UpdatedAt.Compare(f.members[1].UpdatedAt) <= 0 {
		t.Error("the edit did not advance updated_at")
	}
	if n, err := v.MemberSendCount(m.ID); err != nil || n != 1 {
		t.Errorf("MemberSendCount = %d, %v; want 1", n, err)
	}

	if _, err := v.DeleteMember(m.ID, model.NewDate(2027, time.January, 4)); err != nil {
		t.Fatal(err)
	}
	rows, _ := v.Distributions(f.meeting.ID)
	kept := 0
	for _, d := range rows {
		if d.MemberID == m.ID {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("sends to the deleted member = %d, want 1 kept", kept)
	}
	people, _ := v.MembersByID()
	if people[m.ID].Name != "Trần Thị Ngọc Bích" {
		t.Errorf("the record names the deleted member %q", people[m.ID].Name)
	}
}

func TestDeletedMaterialKeepsRecord(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	day := model.NewDate(2026, time.December, 7)
	if err := v.AppraiseVersion(f.versions[0].ID, day, "Trần Thị Bích", ""); err != nil {
		t.Fatal(err)
	}
	if n, err := v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); err != nil || n != 3 {
		t.Fatalf("SendAll = %d, %v; want 3", n, err)
	}

	if err := v.DeleteMaterial(f.materials[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := v.DeleteMaterial(f.materials[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: err = %v, want ErrNotFound", err)
	}
	mats, _ := v.Materials(f.meeting.ID)
	if len(mats) != 1 || mats[0].ID != f.materials[1].ID {
		t.Errorf("live materials = %d, want only the second", len(mats))
	}
	rows, _ := v.Distributions(f.meeting.ID)
	if len(rows) != 3 {
		t.Errorf("distribution rows after the delete = %d, want 3", len(rows))
	}
	refs, err := v.VersionRefs(f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	ref := refs[f.versions[0].ID]
	if ref.Title != f.materials[0].Title || ref.Version != 1 || !ref.Deleted {
		t.Errorf("deleted version ref = %+v, want the title, version 1 and Deleted", ref)
	}
	if refs[f.versions[1].ID].Deleted {
		t.Error("the live material's version is marked deleted")
	}

	// The stored file stays readable for the record.
	var out bytes.Buffer
	if err := v.WriteMaterialVersion(f.versions[1].ID, &out); err != nil || out.Len() == 0 {
		t.Errorf("live version copy: %d bytes, %v", out.Len(), err)
	}
}
