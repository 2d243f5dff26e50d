package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sotay/model"
	"sotay/vault"
)

// ErrLateReasonRequired is returned when a material is appraised or sent
// after the distribution deadline with no reason given.
var ErrLateReasonRequired = errors.New("a reason is required for a late material")

// errPastMeeting is the validation error of a planned meeting set on a
// day before today.
var errPastMeeting = &vault.ValidationError{Field: vault.FieldMeetingDate, Reason: "the meeting date is in the past"}

// CreateMeeting stores a new meeting. A planned meeting must not be
// before today.
func CreateMeeting(s *Session, m *model.Meeting, today model.Date) error {
	if (m.Status == "" || m.Status == model.MeetingPlanned) && m.Date.Before(today) {
		return errPastMeeting
	}
	return s.Vault.CreateMeeting(m)
}

// UpdateMeeting saves a meeting. Moving a planned meeting to a day before
// today is rejected; a meeting already in the past keeps its date.
func UpdateMeeting(s *Session, m *model.Meeting, today model.Date) error {
	old, err := s.Meeting(m.ID)
	if err != nil {
		return err
	}
	if m.Status == model.MeetingPlanned && m.Date != old.Date && m.Date.Before(today) {
		return errPastMeeting
	}
	return s.Vault.UpdateMeeting(m)
}

// AppraiseVersion records the appraisal of a version of one of m's
// materials. Appraising after the distribution deadline needs a reason,
// which is kept: ErrLateReasonRequired without one.
func AppraiseVersion(s *Session, rules MeetingRules, m model.Meeting, versionID string, on model.Date, by, reason string) error {
	if rules.Deadlines(m).LateOn(on) && model.Normalize(reason) == "" {
		return ErrLateReasonRequired
	}
	return s.Vault.AppraiseVersion(versionID, on, by, reason)
}

// RecordSend records one send of a cell of m. A send after the
// distribution deadline needs d.LateReason: ErrLateReasonRequired.
func RecordSend(s *Session, rules MeetingRules, m model.Meeting, d *model.Distribution) error {
	if rules.Deadlines(m).LateOn(d.SentOn) && model.Normalize(d.LateReason) == "" {
		return ErrLateReasonRequired
	}
	return s.RecordDistribution(d)
}

// SendAll records a send of every appraised material to every attendee
// who has none, on the day and by the channel given, and returns how many
// sends it recorded. After the deadline it needs a reason.
func SendAll(s *Session, rules MeetingRules, m model.Meeting, on model.Date, ch model.Channel, reason string) (int, error) {
	if rules.Deadlines(m).LateOn(on) && model.Normalize(reason) == "" {
		return 0, ErrLateReasonRequired
	}
	return s.Vault.SendAll(m.ID, on, ch, reason)
}

// MeetingView is everything the meeting screen, the PDF and the command
// line show of one meeting.
type MeetingView struct {
	Meeting    model.Meeting
	Items      []model.AgendaItem
	Materials  []vault.MaterialFile
	Attendees  []model.Member
	People     map[string]model.Member     // every member by id, deleted ones too
	Record     []model.Distribution        // every row, corrections included
	Versions   map[string]vault.VersionRef // every version by id, deleted ones too
	Current    map[model.CellKey]model.Distribution
	Assessment model.Assessment
}

// LoadMeeting reads a meeting with its agenda, materials, attendees and
// distribution record, and judges its readiness on today.
func LoadMeeting(s *Session, rules MeetingRules, id string, today model.Date) (*MeetingView, error) {
	m, err := s.Meeting(id)
	if err != nil {
		return nil, err
	}
	v := &MeetingView{Meeting: m}
	if v.Items, err = s.AgendaItems(id); err != nil {
		return nil, err
	}
	if v.Materials, err = s.Materials(id); err != nil {
		return nil, err
	}
	if v.Attendees, err = s.Attendees(id); err != nil {
		return nil, err
	}
	if v.People, err = s.MembersByID(); err != nil {
		return nil, err
	}
	if v.Record, err = s.Distributions(id); err != nil {
		return nil, err
	}
	if v.Versions, err = s.VersionRefs(id); err != nil {
		return nil, err
	}
	v.Current = model.CurrentDistributions(v.Record)
	v.Assessment = model.Assess(rules.Calendar, rules.Rule, v.Progress(), today)
	return v, nil
}

// Cell returns the latest version of material i and the current row of
// its cell for member, nil when absent.
func (v *MeetingView) Cell(i int, memberID string) (*model.MaterialVersion, *model.Distribution) {
	ver := v.Materials[i].Latest()
	if ver == nil {
		return nil, nil
	}
	d, ok := v.Current[model.CellKey{VersionID: ver.ID, MemberID: memberID}]
	if !ok {
		return ver, nil
	}
	return ver, &d
}

// CellState returns the state of material i for member.
func (v *MeetingView) CellState(i int, memberID string) model.CellState {
	ver, d := v.Cell(i, memberID)
	return model.StateOfCell(ver, d, v.Assessment.Deadlines)
}

// Progress counts the view the way vault.PlannedMeetingProgress counts
// in SQL.
func (v *MeetingView) Progress() model.MeetingProgress {
	p := model.MeetingProgress{Date: v.Meeting.Date, Status: v.Meeting.Status, Attendees: len(v.Attendees)}
	for i := range v.Materials {
		ver := v.Materials[i].Latest()
		if ver == nil {
			continue
		}
		p.Materials++
		if ver.Appraised() {
			p.Appraised++
			p.LastAppraised = laterOf(p.LastAppraised, ver.AppraisedOn)
		}
		for _, a := range v.Attendees {
			if _, d := v.Cell(i, a.ID); d != nil && !d.SentOn.IsZero() {
				p.CellsSent++
				p.LastSent = laterOf(p.LastSent, d.SentOn)
			}
		}
	}
	return p
}

// SentTo returns how many members have a current send of some version
// of material i, which are the sends its deletion leaves in the record.
func (v *MeetingView) SentTo(i int) int {
	versions := map[string]bool{}
	for _, ver := range v.Materials[i].Versions {
		versions[ver.ID] = true
	}
	members := map[string]bool{}
	for k, d := range v.Current {
		if versions[k.VersionID] && !d.SentOn.IsZero() {
			members[k.MemberID] = true
		}
	}
	return len(members)
}

// LateVersion reports whether the latest version of material i was
// appraised after the deadline or sent late to anyone.
func (v *MeetingView) LateVersion(i int) bool {
	ver := v.Materials[i].Latest()
	if ver == nil {
		return false
	}
	if v.Assessment.LateOn(ver.AppraisedOn) {
		return true
	}
	for _, a := range v.Attendees {
		if v.CellState(i, a.ID) == model.CellLate {
			return true
		}
	}
	return false
}

func laterOf(a, b model.Date) model.Date {
	if b.After(a) {
		return b
	}
	return a
}

// MeetingStatus is a planned meeting with its readiness on a day.
type MeetingStatus struct {
	vault.MeetingProgress
	model.Assessment
}

// PlannedMeetings returns the planned meetings from today on, each with
// its readiness on today, by date.
func PlannedMeetings(s *Session, rules MeetingRules, today model.Date) ([]MeetingStatus, error) {
	list, err := s.PlannedMeetingProgress(today)
	if err != nil {
		return nil, err
	}
	out := make([]MeetingStatus, len(list))
	for i, mp := range list {
		out[i] = MeetingStatus{MeetingProgress: mp, Assessment: model.Assess(rules.Calendar, rules.Rule, mp.Progress, today)}
	}
	return out, nil
}

// MeetingsAtRisk returns the planned meetings from today on that are at
// risk or late, soonest practical deadline first: what the Hôm nay
// screen lists.
func MeetingsAtRisk(s *Session, rules MeetingRules, today model.Date) ([]MeetingStatus, error) {
	all, err := PlannedMeetings(s, rules, today)
	if err != nil {
		return nil, err
	}
	var out []MeetingStatus
	for _, ms := range all {
		if ms.Readiness == model.AtRisk || ms.Readiness == model.Late {
			out = append(out, ms)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Practical.Before(out[j].Practical) })
	return out, nil
}

// AddMaterialFile stores the file at path as a new material of an agenda
// item, or as the next version of material materialID when that is set.
func AddMaterialFile(ctx context.Context, s *Session, itemID, materialID string, class model.Classification, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Size() > model.MaxDocumentSize {
		return vault.ErrTooLarge
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	ver := model.MaterialVersion{MaterialID: materialID, Name: filepath.Base(path)}
	if materialID != "" {
		return s.AddMaterialVersion(ctx, &ver, f)
	}
	mat := model.Material{ItemID: itemID, Title: strings.TrimSuffix(ver.Name, filepath.Ext(ver.Name)), Classification: class}
	return s.AddMaterial(ctx, &mat, &ver, f)
}
