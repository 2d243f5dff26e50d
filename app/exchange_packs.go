package app

import (
	"context"
	"errors"
	"os"
	"sort"
	"time"

	"sotay/model"
	"sotay/vault"
)

// PackAttendee is an attendee of a meeting and the key card that their
// meeting pack is encrypted to.
type PackAttendee struct {
	Member model.Member
	// Card is the linked key card, or the zero value when Linked is
	// false.
	Card   vault.DirectoryEntry
	Linked bool
}

// PackPlan is the content of a meeting pack export: one bundle for each
// linked attendee, each holding Versions material versions.
type PackPlan struct {
	Meeting   model.Meeting
	Attendees []PackAttendee
	// Versions counts the latest appraised version of each material, the
	// versions that every pack carries.
	Versions int
	// Highest is the highest classification of the meeting and its
	// materials. Above Limit, the export needs the user's confirmation.
	Highest model.Classification
	Limit   model.Classification
}

// Linked returns the number of attendees with a linked key card.
func (p *PackPlan) Linked() int {
	n := 0
	for _, a := range p.Attendees {
		if a.Linked {
			n++
		}
	}
	return n
}

// PlanMeetingPacks returns the attendees of a meeting with their linked
// key cards, and the number of versions each pack holds.
func PlanMeetingPacks(s *Session, meetingID string) (*PackPlan, error) {
	meeting, err := s.Meeting(meetingID)
	if err != nil {
		return nil, err
	}
	attendees, err := s.Attendees(meetingID)
	if err != nil {
		return nil, err
	}
	versions, err := packVersions(s, meetingID)
	if err != nil {
		return nil, err
	}

	plan := &PackPlan{Meeting: meeting, Versions: len(versions), Highest: meeting.Classification}
	if plan.Limit, err = s.USBClassificationLimit(); err != nil {
		return nil, err
	}
	files, err := s.Materials(meetingID)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		plan.Highest = max(plan.Highest, f.Classification)
	}

	for _, m := range attendees {
		a := PackAttendee{Member: m}
		a.Card, err = s.MemberKey(m.ID)
		switch {
		case err == nil:
			a.Linked = true
		case !errors.Is(err, vault.ErrNoMemberKey):
			return nil, err
		}
		plan.Attendees = append(plan.Attendees, a)
	}
	return plan, nil
}

// packVersions returns the ids of the versions a meeting pack carries:
// the latest appraised version of each material, the rule that
// vault.ExportMeetingPacks applies.
func packVersions(s *Session, meetingID string) (map[string]bool, error) {
	files, err := s.Materials(meetingID)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, f := range files {
		for i := len(f.Versions) - 1; i >= 0; i-- {
			if f.Versions[i].Appraised() {
				ids[f.Versions[i].ID] = true
				break
			}
		}
	}
	return ids, nil
}

// PackOutcome is one attendee's result of a meeting pack export.
type PackOutcome struct {
	vault.PackResult
	// Size is the size of the file written, in bytes.
	Size int64
	// Record is the distribution record of the versions in the pack for
	// the member, one entry per channel and day.
	Record []SendRecord
}

// SendRecord is a group of distribution rows of one member with the same
// channel and day: the latest time such a row was written, and how many
// versions it covers.
type SendRecord struct {
	Channel  model.Channel
	SentOn   model.Date
	Recorded time.Time
	Versions int
}

// ExportMeetingPacks writes one bundle per attendee of a meeting into dir
// through vault.ExportMeetingPacks, records the sends on sentOn, and
// returns each attendee's outcome with what the distribution record now
// holds for them. progress, when not nil, gets the share of the whole
// export done, as done out of total. Call it off the UI goroutine; ctx
// cancels the packs not yet written, and the outcomes of those written
// come back with ctx's error.
func ExportMeetingPacks(ctx context.Context, s *Session, meetingID, dir string, sentOn model.Date,
	confirm bool, progress func(done, total int64)) ([]PackOutcome, error) {
	plan, err := PlanMeetingPacks(s, meetingID)
	if err != nil {
		return nil, err
	}
	var perPack func(done, total int64)
	if progress != nil {
		perPack = overallProgress(plan.Linked(), progress)
	}
	results, exportErr := s.ExportMeetingPacks(ctx, meetingID, dir, sentOn, confirm, perPack)
	versions, err := packVersions(s, meetingID)
	if err != nil {
		return nil, err
	}
	rows, err := s.Distributions(meetingID)
	if err != nil {
		return nil, err
	}
	current := model.CurrentDistributions(rows)
	out := make([]PackOutcome, 0, len(results))
	for _, r := range results {
		o := PackOutcome{PackResult: r}
		if r.Err == nil {
			if info, err := os.Stat(r.Path); err == nil {
				o.Size = info.Size()
			}
			o.Record = sendRecords(current, versions, r.Member.ID)
		}
		out = append(out, o)
	}
	return out, exportErr
}

// overallProgress turns the progress of each pack, which restarts from
// zero for every bundle, into the progress of the whole export of packs
// bundles. Members without a key card report no progress at all.
//
// NOTE: vault.ExportMeetingPacks does not pass which pack a call belongs
// to, so a new pack is recognised by its done value falling below the
// previous call's.
func overallProgress(packs int, progress func(done, total int64)) func(done, total int64) {
	const scale = 1000
	pack, last := 0, int64(0)
	return func(done, total int64) {
		if total <= 0 || packs == 0 {
			return
		}
		if done < last && pack < packs-1 {
			pack++
		}
		last = done
		share := (int64(pack)*total + done) * scale / (int64(packs) * total)
		progress(share, scale)
	}
}

// sendRecords groups the current distribution rows of member for the
// given versions by channel and day, latest first.
func sendRecords(current map[model.CellKey]model.Distribution, versions map[string]bool,
	member string) []SendRecord {
	groups := map[[2]string]*SendRecord{}
	for key, d := range current {
		if key.MemberID != member || !versions[key.VersionID] || d.SentOn.IsZero() {
			continue
		}
		k := [2]string{string(d.Channel), d.SentOn.String()}
		g := groups[k]
		if g == nil {
			g = &SendRecord{Channel: d.Channel, SentOn: d.SentOn}
			groups[k] = g
		}
		g.Versions++
		if d.CreatedAt.After(g.Recorded) {
			g.Recorded = d.CreatedAt
		}
	}
	out := make([]SendRecord, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Recorded.After(out[j].Recorded) })
	return out
}
