package vault

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"sotay/model"
)

// ErrNoMemberKey is returned for a member who has no key card linked, so
// no pack can be encrypted to them.
var ErrNoMemberKey = errors.New("member has no key card linked")

// ErrNothingAppraised is returned by ExportMeetingPacks for a meeting
// with no appraised material version, before any pack is written: only
// appraised versions may be sent.
var ErrNothingAppraised = errors.New("no material of the meeting is appraised")

// LinkMemberKey links a member of the meetings directory to the card in
// the key directory whose fingerprint is fingerprint.
func (v *Vault) LinkMemberKey(memberID, fingerprint string) error {
	e, err := v.KeyCardByFingerprint(fingerprint)
	if err != nil {
		return err
	}
	return v.write(func(tx *sql.Tx) error {
		if err := checkLive(tx, "members", memberID); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO member_keys (id, fingerprint, created_at, updated_at,
			workstation) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET
			fingerprint = excluded.fingerprint, updated_at = excluded.updated_at,
			workstation = excluded.workstation, deleted = 0`,
			memberID, e.Fingerprint(), formatTime(time.Now()), v.clock.Now().String(), v.workstation)
		return err
	})
}

// MemberKey returns the key card linked to a member, or ErrNoMemberKey.
func (v *Vault) MemberKey(memberID string) (DirectoryEntry, error) {
	var fingerprint string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT fingerprint FROM member_keys WHERE id = ? AND deleted = 0`,
			memberID).Scan(&fingerprint)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return DirectoryEntry{}, ErrNoMemberKey
	}
	if err != nil {
		return DirectoryEntry{}, err
	}
	e, err := v.KeyCardByFingerprint(fingerprint)
	if errors.Is(err, ErrNotFound) {
		return e, ErrNoMemberKey
	}
	return e, err
}

// PackResult is the outcome of one member's bundle in a meeting pack.
type PackResult struct {
	Member   model.Member
	Path     string
	Versions int
	Err      error
}

// ExportMeetingPacks writes one bundle per attendee of a meeting into
// dir, each encrypted to the attendee's linked key card and holding the
// meeting, its agenda and the latest appraised version of each material.
// After a bundle is written, each version in it is recorded as sent to
// the member on sentOn with model.ChannelBundle. An attendee without a
// key card, or whose bundle fails, gets an error in their PackResult and
// the others go on; ctx cancels the rest.
func (v *Vault) ExportMeetingPacks(ctx context.Context, meetingID, dir string, sentOn model.Date,
	confirm bool, progress func(done, total int64)) ([]PackResult, error) {
	meeting, err := v.Meeting(meetingID)
	if err != nil {
		return nil, err
	}
	attendees, err := v.Attendees(meetingID)
	if err != nil {
		return nil, err
	}
	versions, err := v.sendableVersions(meetingID)
	if err != nil {
		return nil, err
	}
	if len(versions) == 0 {
		return nil, ErrNothingAppraised
	}
	var results []PackResult
	usedNames := map[string]bool{}
	for _, member := range attendees {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		r := PackResult{Member: member, Versions: len(versions)}
		r.Path = filepath.Join(dir, uniquePackName(packFileName(meeting, member), usedNames))
		r.Err = v.exportPack(ctx, meetingID, member, versions, r.Path, sentOn, confirm, progress)
		results = append(results, r)
	}
	return results, nil
}

// sendableVersions returns the latest appraised version of each live
// material of a meeting.
func (v *Vault) sendableVersions(meetingID string) ([]model.MaterialVersion, error) {
	files, err := v.Materials(meetingID)
	if err != nil {
		return nil, err
	}
	var out []model.MaterialVersion
	for _, f := range files {
		for i := len(f.Versions) - 1; i >= 0; i-- {
			if f.Versions[i].Appraised() {
				out = append(out, f.Versions[i])
				break
			}
		}
	}
	return out, nil
}

func (v *Vault) exportPack(ctx context.Context, meetingID string, member model.Member,
	versions []model.MaterialVersion, path string, sentOn model.Date, confirm bool,
	progress func(done, total int64)) error {
	card, err := v.MemberKey(member.ID)
	if err != nil {
		return err
	}
	req := ExportRequest{
		Kind: KindMeetingPack, MeetingIDs: []string{meetingID}, Recipients: []KeyCard{card.KeyCard},
		ConfirmOverLimit: confirm, Progress: progress, packMember: member.ID,
	}
	for _, ver := range versions {
		req.packVersions = append(req.packVersions, ver.ID)
	}
	if _, err := v.ExportBundleFile(ctx, req, path); err != nil {
		return err
	}
	for _, ver := range versions {
		d := &model.Distribution{VersionID: ver.ID, MemberID: member.ID, SentOn: sentOn, Channel: model.ChannelBundle}
		if err := v.RecordDistribution(d); err != nil && !errors.Is(err, ErrAlreadySent) {
			return fmt.Errorf("record the send of %s to %s: %w", ver.Name, member.Name, err)
		}
	}
	return nil
}

// packFileName returns "<meeting number or date>-<member>.sotay" with
// only ASCII letters, digits and dashes. A name with no such character
// becomes "thanh-vien" (member).
func packFileName(m model.Meeting, member model.Member) string {
	prefix := m.Number
	if prefix == "" {
		prefix = m.Date.String()
	}
	name := asciiFileName(model.Fold(member.Name))
	if name == "" {
		name = "thanh-vien"
	}
	return asciiFileName(model.Fold(prefix)) + "-" + name + ".sotay"
}

// uniquePackName returns name, or name with "-2", "-3"… before ".sotay"
// when used already contains it, and adds the result to used. Two
// attendees often share a name, and without the number the second pack
// would replace the first. used compares names without case, because
// the FAT and NTFS file systems of USB sticks do.
func uniquePackName(name string, used map[string]bool) string {
	base := strings.TrimSuffix(name, ".sotay")
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s-%d.sotay", base, n)
	}
	used[strings.ToLower(name)] = true
	return name
}

func asciiFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
