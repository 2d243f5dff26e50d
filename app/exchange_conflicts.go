package app

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"sotay/model"
	"sotay/vault"
)

// ConflictSide is the version of a conflict that was made on this
// workstation, when that is known.
type ConflictSide int

// The sides of a conflict.
const (
	// SideUnknown: the conflict was found before the import stored the
	// origin of its versions, and neither version was last changed on
	// this workstation, so the versions are shown as "current" and
	// "other".
	SideUnknown ConflictSide = iota
	// SideCurrentMine: the version in the table is this workstation's
	// and the other one was received.
	SideCurrentMine
	// SideOtherMine: the received version won and is in the table, and
	// this workstation's version is the other one.
	SideOtherMine
)

// ConflictView is a conflict with both of its versions and the columns in
// which they differ.
type ConflictView struct {
	vault.Conflict
	// Current is the version in the record's table now, nil when the
	// record is gone from it.
	Current map[string]any
	Side    ConflictSide
	// Changed lists the columns whose values differ, bookkeeping columns
	// (id, created_at, updated_at, workstation) left out, in the order of
	// conflictColumnOrder and then by name.
	Changed []string
}

// Mine returns this workstation's version and the received one, or nil
// for both when the side is unknown.
func (c *ConflictView) Mine() (mine, received map[string]any) {
	switch c.Side {
	case SideCurrentMine:
		return c.Current, c.Other
	case SideOtherMine:
		return c.Other, c.Current
	}
	return nil, nil
}

// LoadConflicts returns the unresolved conflicts, oldest first, each with
// the current version of its record and the side of each version. The
// side comes from the origin the import stored. Conflicts found before
// it was stored get the side inferred from the versions' workstations.
//
// NOTE: the side describes the versions as the import found them. When
// the record changes again before the conflict is resolved, the current
// version keeps the side of the version it replaced.
func LoadConflicts(s *Session) ([]ConflictView, error) {
	list, err := s.Conflicts()
	if err != nil {
		return nil, err
	}
	out := make([]ConflictView, 0, len(list))
	for _, c := range list {
		current, err := s.RecordVersion(c.Table, c.RecordID)
		if err != nil && !errors.Is(err, vault.ErrNotFound) {
			return nil, err
		}
		v := ConflictView{Conflict: c, Current: current}
		v.Side = storedSide(c.OtherOrigin)
		if c.OtherOrigin == vault.OriginUnknown {
			v.Side = conflictSide(s.Workstation(), current, c.Other)
		}
		v.Changed = changedColumns(current, c.Other)
		out = append(out, v)
	}
	return out, nil
}

// storedSide returns the side of a conflict whose kept-aside version came
// from origin.
func storedSide(origin vault.Origin) ConflictSide {
	switch origin {
	case vault.OriginLocal:
		return SideOtherMine
	case vault.OriginReceived:
		return SideCurrentMine
	}
	return SideUnknown
}

// conflictSide infers the side of a conflict from the workstation that
// last changed each version. It fails when this vault's version was last
// changed on a third workstation, so it serves only conflicts found
// before the import stored the origin.
func conflictSide(own string, current, other map[string]any) ConflictSide {
	switch {
	case current != nil && current["workstation"] == own:
		return SideCurrentMine
	case other["workstation"] == own:
		return SideOtherMine
	}
	return SideUnknown
}

// Clash reports whether the received version is another record with the
// same values in a unique index as the current record. The one such
// index a bundle carries is the number register's, so a clash is a
// document number issued on two workstations. The index admits one of
// the two records, so the current one stays.
func (c *ConflictView) Clash() bool {
	id, _ := c.Other["id"].(string)
	return id != "" && id != c.RecordID
}

// ResolveConflictKeepMine closes a conflict with this workstation's
// version when keepMine is true and with the received one otherwise. A
// conflict whose side is unknown keeps the current version when keepMine
// is true. A clash (see Clash) closes with the current record when
// keepMine is true. Taking the received record of a clash returns an
// error wrapping vault.ErrNumberIssued and changes nothing.
func ResolveConflictKeepMine(s *Session, c ConflictView, keepMine bool) error {
	if c.Clash() {
		if !keepMine {
			return fmt.Errorf("resolve conflict on %s %s: %w", c.Table, c.RecordID, vault.ErrNumberIssued)
		}
		return s.ResolveConflict(c.ID, false)
	}
	takeOther := !keepMine
	if c.Side == SideOtherMine {
		takeOther = keepMine
	}
	return s.ResolveConflict(c.ID, takeOther)
}

// bookkeeping are the record columns that every version has and that a
// user does not edit.
var bookkeeping = map[string]bool{"id": true, "created_at": true, "updated_at": true, "workstation": true}

// conflictColumnOrder puts the columns that name a record first.
var conflictColumnOrder = []string{"code", "number", "title", "name", "text", "deleted"}

// changedColumns returns the user columns whose values differ between
// two versions of a row.
func changedColumns(a, b map[string]any) []string {
	seen := map[string]bool{}
	var out []string
	for _, row := range []map[string]any{a, b} {
		for col := range row {
			if seen[col] || bookkeeping[col] {
				continue
			}
			seen[col] = true
			if ConflictValue(a[col]) != ConflictValue(b[col]) {
				out = append(out, col)
			}
		}
	}
	rank := func(col string) int {
		for i, c := range conflictColumnOrder {
			if c == col {
				return i
			}
		}
		return len(conflictColumnOrder)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank(out[i]), rank(out[j])
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// ConflictValue returns a column value as text. Versions read from the
// table hold int64, versions decoded from JSON hold float64, so whole
// numbers of both print alike.
func ConflictValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprint(int64(x))
		}
		return fmt.Sprint(x)
	}
	return fmt.Sprint(v)
}

// VersionTime returns the wall-clock time of a version's last change,
// read from its updated_at clock value, or the zero time.
func VersionTime(row map[string]any) time.Time {
	s, _ := row["updated_at"].(string)
	h, err := model.ParseHLC(s)
	if err != nil {
		return time.Time{}
	}
	return time.UnixMilli(h.Millis)
}
