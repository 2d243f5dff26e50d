package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sotay/model"
)

var progressSeed = flag.Uint64("progress.seed", 0,
	"seed of TestMeetingProgressSummaryFollowsWrites; 0 picks one from the clock")

// progressWalk drives a vault through random meeting operations and
// checks the readiness summary against scanProgress after each one.
type progressWalk struct {
	t       *testing.T
	v       *Vault
	r       *rand.Rand
	from    model.Date
	members []model.Member
	log     []string // the operations so far
	content int      // makes every file distinct
}

// walkOp is one kind of operation on a live meeting. run returns false
// when the meeting has nothing to apply it to.
type walkOp struct {
	name   string
	weight int
	run    func(w *progressWalk, m model.Meeting) (bool, error)
}

var walkOps = []walkOp{
	{"add attendee", 6, (*progressWalk).addAttendee},
	{"remove attendee", 2, (*progressWalk).removeAttendee},
	{"add agenda item", 1, (*progressWalk).addAgendaItem},
	{"add material", 6, (*progressWalk).addMaterial},
	{"add version", 3, (*progressWalk).addVersion},
	{"appraise", 8, (*progressWalk).appraise},
	{"send", 12, (*progressWalk).send},
	{"send all", 3, (*progressWalk).sendAll},
	{"correct", 6, (*progressWalk).correct},
	{"withdraw", 4, (*progressWalk).withdraw},
	{"confirm receipt", 3, (*progressWalk).confirmReceipt},
	{"delete material", 2, (*progressWalk).deleteMaterial},
	{"delete agenda item", 1, (*progressWalk).deleteAgendaItem},
	{"change status", 2, (*progressWalk).changeStatus},
	{"move date", 3, (*progressWalk).moveDate},
	{"delete meeting", 1, (*progressWalk).deleteMeeting},
}

// TestMeetingProgressSummaryFollowsWrites runs a long random sequence of
// meeting operations through the public API on several meetings. After
// each one, at most the meeting it touched may lack a summary row, and
// PlannedMeetingProgress must equal the full scan of every row. A failure
// prints its seed, and -progress.seed replays it.
func TestMeetingProgressSummaryFollowsWrites(t *testing.T) {
	seed := *progressSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := 600
	if testing.Short() {
		steps = 80
	}
	v, _ := newTestVault(t)
	w := &progressWalk{t: t, v: v, r: rand.New(rand.NewPCG(seed, 0)),
		from: model.NewDate(2026, time.December, 1)}
	for i := range 6 {
		m := model.Member{Name: fmt.Sprintf("Ủy viên %d", i+1), Title: "Ủy viên"}
		if err := v.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		w.members = append(w.members, m)
	}

	total := 0
	for _, op := range walkOps {
		total += op.weight
	}
	counts := map[string]int{}
	for step := 0; step < steps; step++ {
		live, err := v.Meetings(model.Date{}, model.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if len(live) < 3 || w.r.IntN(40) == 0 {
			w.createMeeting(t, seed)
			continue
		}
		m := live[w.r.IntN(len(live))]
		op := pickOp(w.r.IntN(total))
		done, err := op.run(w, m)
		if err != nil {
			t.Fatalf("seed %d, step %d, %s on %q: %v\n%s", seed, step, op.name, m.Title, err, w.history())
		}
		if !done {
			continue
		}
		counts[op.name]++
		w.log = append(w.log, fmt.Sprintf("%d %s on %s", step, op.name, m.Title))
		w.check(seed, m.ID)
	}
	t.Logf("seed %d: %v", seed, counts)
	for _, op := range walkOps {
		if counts[op.name] == 0 && !testing.Short() {
			t.Errorf("seed %d: %s never ran", seed, op.name)
		}
	}
}

// pickOp returns the operation at n in the weighted list.
func pickOp(n int) walkOp {
	for _, op := range walkOps {
		if n < op.weight {
			return op
		}
		n -= op.weight
	}
	panic("vault test: weight out of range")
}

func (w *progressWalk) history() string {
	start := max(0, len(w.log)-15)
	return strings.Join(w.log[start:], "\n")
}

// check compares the summary with the full scan, after checking that no
// listed meeting but touched lost its summary row.
func (w *progressWalk) check(seed uint64, touched string) {
	t := w.t
	t.Helper()
	for _, id := range w.unsummarized() {
		if id != touched {
			t.Fatalf("seed %d: meeting %s lost its summary row, but the write touched %s\n%s",
				seed, id, touched, w.history())
		}
	}
	got, err := w.v.PlannedMeetingProgress(w.from)
	if err != nil {
		t.Fatalf("seed %d: PlannedMeetingProgress: %v", seed, err)
	}
	want, err := scanProgress(w.v, w.from)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i].Progress != want[i].Progress {
				t.Errorf("%s: summary %+v, scan %+v", got[i].Title, got[i].Progress, want[i].Progress)
			}
		}
		t.Fatalf("seed %d: %d meetings from the summary, %d from the scan\n%s",
			seed, len(got), len(want), w.history())
	}
	if ids := w.unsummarized(); len(ids) > 0 {
		t.Fatalf("seed %d: %d listed meetings have no summary row after the read", seed, len(ids))
	}
}

// unsummarized returns the listed meetings that have no summary row.
func (w *progressWalk) unsummarized() []string {
	var ids []string
	err := w.v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		}, `SELECT m.id FROM meetings m WHERE `+plannedFrom+`
			AND NOT EXISTS (SELECT 1 FROM meeting_progress p WHERE p.meeting_id = m.id)`, w.from.String())
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return ids
}

// day returns a random day from lo to hi days after w.from.
func (w *progressWalk) day(lo, hi int) model.Date {
	return w.from.AddDays(lo + w.r.IntN(hi-lo+1))
}

func (w *progressWalk) createMeeting(t *testing.T, seed uint64) {
	m := model.Meeting{Title: fmt.Sprintf("Hội nghị %d", len(w.log)), Date: w.day(-5, 30)}
	if err := w.v.CreateMeeting(&m); err != nil {
		t.Fatal(err)
	}
	w.log = append(w.log, "create "+m.Title)
	it := model.AgendaItem{MeetingID: m.ID, Title: "Mục 1"}
	if err := w.v.AddAgendaItem(&it); err != nil {
		t.Fatal(err)
	}
	w.check(seed, m.ID)
}

func (w *progressWalk) file() *bytes.Reader {
	w.content++
	return bytes.NewReader([]byte(fmt.Sprintf("tài liệu %d", w.content)))
}

func (w *progressWalk) attendees(m model.Meeting) []model.Member {
	list, err := w.v.Attendees(m.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return list
}

func (w *progressWalk) materials(m model.Meeting) []MaterialFile {
	list, err := w.v.Materials(m.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return list
}

// current returns the current rows of the meeting's cells, in a stable
// order.
func (w *progressWalk) current(m model.Meeting) []model.Distribution {
	rows, err := w.v.Distributions(m.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []model.Distribution
	for _, d := range model.CurrentDistributions(rows) {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b model.Distribution) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func pick[T any](r *rand.Rand, list []T) (T, bool) {
	var zero T
	if len(list) == 0 {
		return zero, false
	}
	return list[r.IntN(len(list))], true
}

func (w *progressWalk) addAttendee(m model.Meeting) (bool, error) {
	member, _ := pick(w.r, w.members)
	return true, w.v.AddAttendee(m.ID, member.ID)
}

func (w *progressWalk) removeAttendee(m model.Meeting) (bool, error) {
	member, ok := pick(w.r, w.attendees(m))
	if !ok {
		return false, nil
	}
	return true, w.v.RemoveAttendee(m.ID, member.ID, true)
}

func (w *progressWalk) addAgendaItem(m model.Meeting) (bool, error) {
	it := model.AgendaItem{MeetingID: m.ID, Title: "Mục bổ sung"}
	return true, w.v.AddAgendaItem(&it)
}

func (w *progressWalk) addMaterial(m model.Meeting) (bool, error) {
	items, err := w.v.AgendaItems(m.ID)
	if err != nil {
		return false, err
	}
	it, ok := pick(w.r, items)
	if !ok {
		return false, nil
	}
	mat := model.Material{ItemID: it.ID}
	ver := model.MaterialVersion{Name: "bao-cao.pdf"}
	return true, w.v.AddMaterial(context.Background(), &mat, &ver, w.file())
}

func (w *progressWalk) addVersion(m model.Meeting) (bool, error) {
	f, ok := pick(w.r, w.materials(m))
	if !ok {
		return false, nil
	}
	ver := model.MaterialVersion{MaterialID: f.ID, Name: "bao-cao-sua.pdf"}
	return true, w.v.AddMaterialVersion(context.Background(), &ver, w.file())
}

func (w *progressWalk) appraise(m model.Meeting) (bool, error) {
	var open []model.MaterialVersion
	for _, f := range w.materials(m) {
		for _, ver := range f.Versions {
			if !ver.Appraised() {
				open = append(open, ver)
			}
		}
	}
	ver, ok := pick(w.r, open)
	if !ok {
		return false, nil
	}
	return true, w.v.AppraiseVersion(ver.ID, w.day(-25, 5), "Trưởng ban", "")
}

// send records a send of a random appraised version, the latest one most
// of the time, to a random attendee.
func (w *progressWalk) send(m model.Meeting) (bool, error) {
	var vers []model.MaterialVersion
	for _, f := range w.materials(m) {
		if latest := f.Latest(); latest != nil && latest.Appraised() && w.r.IntN(5) > 0 {
			vers = append(vers, *latest)
			continue
		}
		for _, ver := range f.Versions {
			if ver.Appraised() {
				vers = append(vers, ver)
			}
		}
	}
	ver, ok := pick(w.r, vers)
	member, ok2 := pick(w.r, w.attendees(m))
	if !ok || !ok2 {
		return false, nil
	}
	d := model.Distribution{VersionID: ver.ID, MemberID: member.ID, SentOn: w.day(-25, 5),
		Channel: model.ChannelPaper}
	err := w.v.RecordDistribution(&d)
	if errors.Is(err, ErrAlreadySent) {
		return false, nil
	}
	return true, err
}

func (w *progressWalk) sendAll(m model.Meeting) (bool, error) {
	_, err := w.v.SendAll(m.ID, w.day(-25, 5), model.ChannelHand, "")
	return true, err
}

// correct moves the day of a current send. The vault rejects it when
// the cell has lost its attendee or version since.
func (w *progressWalk) correct(m model.Meeting) (bool, error) {
	d, ok := pick(w.r, w.current(m))
	if !ok {
		return false, nil
	}
	fix := model.Distribution{SentOn: w.day(-25, 5), Channel: model.ChannelSystem, Note: "Sửa ngày gửi"}
	err := w.v.CorrectDistribution(d.ID, &fix)
	if errors.Is(err, ErrNotAttendee) || errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return true, err
}

func (w *progressWalk) withdraw(m model.Meeting) (bool, error) {
	d, ok := pick(w.r, w.current(m))
	if !ok || d.SentOn.IsZero() {
		return false, nil
	}
	err := w.v.CorrectDistribution(d.ID, &model.Distribution{Note: "Thu hồi, gửi nhầm"})
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return true, err
}

func (w *progressWalk) confirmReceipt(m model.Meeting) (bool, error) {
	d, ok := pick(w.r, w.current(m))
	if !ok || d.SentOn.IsZero() || !d.ReceivedOn.IsZero() {
		return false, nil
	}
	return true, w.v.ConfirmReceipt(d.ID, d.SentOn.AddDays(1))
}

func (w *progressWalk) deleteMaterial(m model.Meeting) (bool, error) {
	f, ok := pick(w.r, w.materials(m))
	if !ok {
		return false, nil
	}
	return true, w.v.DeleteMaterial(f.ID)
}

func (w *progressWalk) deleteAgendaItem(m model.Meeting) (bool, error) {
	items, err := w.v.AgendaItems(m.ID)
	if err != nil {
		return false, err
	}
	it, ok := pick(w.r, items)
	if !ok {
		return false, nil
	}
	return true, w.v.DeleteAgendaItem(it.ID)
}

func (w *progressWalk) changeStatus(m model.Meeting) (bool, error) {
	statuses := []model.MeetingStatus{model.MeetingPlanned, model.MeetingCancelled, model.MeetingHeld}
	m.Status, _ = pick(w.r, statuses)
	return true, w.v.UpdateMeeting(&m)
}

// moveDate moves a meeting, sometimes before the first listed day.
func (w *progressWalk) moveDate(m model.Meeting) (bool, error) {
	m.Date = w.day(-5, 30)
	return true, w.v.UpdateMeeting(&m)
}

func (w *progressWalk) deleteMeeting(m model.Meeting) (bool, error) {
	return true, w.v.DeleteMeeting(m.ID)
}

// TestMeetingProgressAfterBundleImport sends a meeting to a second vault,
// reads its readiness there, then imports the appraisals and sends made
// in the first vault, and a withdrawal, and expects the second vault's
// readiness to follow each import.
func TestMeetingProgressAfterBundleImport(t *testing.T) {
	f := newMeetingFixture(t)
	a := f.v
	b, _ := newTestVault(t)
	introduce(t, a, Officer{Name: "Thư ký hội nghị"}, b, Officer{Name: "Phó Chủ nhiệm"})

	from := model.NewDate(2026, time.December, 1)
	exchange := func() {
		t.Helper()
		var buf bytes.Buffer
		req := ExportRequest{Kind: KindMeetings, MeetingIDs: []string{f.meeting.ID}, Recipients: []KeyCard{cardOf(t, b)}}
		if _, err := a.ExportBundle(context.Background(), req, &buf); err != nil {
			t.Fatalf("ExportBundle: %v", err)
		}
		p, err := importBytes(b, buf.Bytes(), ImportOptions{})
		if err != nil || !p.Applied {
			t.Fatalf("ImportBundle: applied %v, %v", p != nil && p.Applied, err)
		}
		if _, ok := p.Manifest.Tables["meeting_progress"]; ok {
			t.Error("the bundle carries the meeting_progress summary")
		}
	}
	progressOf := func(v *Vault) model.MeetingProgress {
		t.Helper()
		list, err := v.PlannedMeetingProgress(from)
		if err != nil || len(list) != 1 {
			t.Fatalf("PlannedMeetingProgress = %d meetings, %v", len(list), err)
		}
		want, err := scanProgress(v, from)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(list, want) {
			t.Errorf("summary %+v, scan %+v", list[0].Progress, want[0].Progress)
		}
		return list[0].Progress
	}

	exchange()
	if p := progressOf(b); p.Materials != 2 || p.Attendees != 3 || p.Appraised != 0 || p.CellsSent != 0 {
		t.Fatalf("imported meeting progress = %+v", p)
	}
	if n := summaryRows(t, b); n != 1 {
		t.Fatalf("%d summary rows after the read, want 1", n)
	}

	day := model.NewDate(2026, time.December, 10)
	for _, ver := range f.versions {
		if err := a.AppraiseVersion(ver.ID, day, "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.SendAll(f.meeting.ID, day.AddDays(1), model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	exchange()
	p := progressOf(b)
	if p.Appraised != 2 || p.CellsSent != 6 || p.LastSent != day.AddDays(1) || p.LastAppraised != day {
		t.Errorf("progress after importing the sends = %+v, want 2 appraised, 6 cells sent", p)
	}
	if p != progressOf(a) {
		t.Errorf("the two vaults disagree: %+v and %+v", p, progressOf(a))
	}

	rows, err := a.Distributions(f.meeting.ID)
	if err != nil || len(rows) == 0 {
		t.Fatalf("distributions = %d, %v", len(rows), err)
	}
	if err := a.CorrectDistribution(rows[0].ID, &model.Distribution{Note: "Thu hồi"}); err != nil {
		t.Fatal(err)
	}
	exchange()
	if p := progressOf(b); p.CellsSent != 5 {
		t.Errorf("progress after importing a withdrawal = %+v, want 5 cells sent", p)
	}
}

func summaryRows(t *testing.T, v *Vault) int {
	t.Helper()
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM meeting_progress`).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMeetingProgressTriggersOnRawWrites writes to the rows of a meeting
// with plain SQL, as a bundle import or a later feature might, one
// statement at a time. Each statement must clear that meeting's summary
// row and leave another meeting's row alone, and the next read must equal
// the full scan.
func TestMeetingProgressTriggersOnRawWrites(t *testing.T) {
	f := newMeetingFixture(t)
	v := f.v
	from := model.NewDate(2026, time.December, 1)
	day := model.NewDate(2026, time.December, 10)
	other := model.Meeting{Title: "Hội nghị giao ban", Date: day}
	if err := v.CreateMeeting(&other); err != nil {
		t.Fatal(err)
	}
	if err := v.AddAttendee(other.ID, f.members[0].ID); err != nil {
		t.Fatal(err)
	}
	for _, ver := range f.versions {
		if err := v.AppraiseVersion(ver.ID, day, "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}
	sent, err := v.Distributions(f.meeting.ID)
	if err != nil || len(sent) != 6 {
		t.Fatalf("distributions = %d, %v", len(sent), err)
	}
	fix := model.Distribution{SentOn: day.AddDays(1), Channel: model.ChannelHand, Note: "Sửa ngày"}
	if err := v.CorrectDistribution(sent[0].ID, &fix); err != nil {
		t.Fatal(err)
	}
	withdrawal := model.Distribution{Note: "Thu hồi"}
	if err := v.CorrectDistribution(sent[1].ID, &withdrawal); err != nil {
		t.Fatal(err)
	}
	unsent := model.MaterialVersion{MaterialID: f.materials[1].ID, Name: "bao-cao-v2.pdf"}
	if err := v.AddMaterialVersion(context.Background(), &unsent, bytes.NewReader([]byte("bản 2"))); err != nil {
		t.Fatal(err)
	}

	late := model.Member{Name: "Phạm Thị Dung", Title: "Ủy viên"}
	if err := v.SaveMember(&late); err != nil {
		t.Fatal(err)
	}

	mid, mat, ver := f.meeting.ID, f.materials[0].ID, f.versions[0].ID
	stamp := []any{"2026-12-01T00:00:00Z", "0194000000000000000", "raw"}
	steps := []struct {
		name  string
		query string
		args  []any
	}{
		{"an attendee inserted", `INSERT INTO meeting_attendees (id, meeting_id, member_id, position,
			created_at, updated_at, workstation) VALUES ('raw-attendee', ?, ?, 9, ?, ?, ?)`,
			append([]any{mid, late.ID}, stamp...)},
		{"a material without versions inserted", `INSERT INTO materials (id, meeting_id, item_id, title,
			created_at, updated_at, workstation) VALUES ('raw-material', ?, ?, 'Tài liệu thêm', ?, ?, ?)`,
			append([]any{mid, f.items[0].ID}, stamp...)},
		{"a version inserted", `INSERT INTO material_versions (id, meeting_id, material_id, version, name,
			size, sha256, created_at, updated_at, workstation)
			VALUES ('raw-version', ?, 'raw-material', 1, 'them.pdf', 1, ?, ?, ?, ?)`,
			append([]any{mid, f.versions[0].SHA256}, stamp...)},
		{"a send marked deleted", `UPDATE distributions SET deleted = 1 WHERE id = ?`, []any{sent[2].ID}},
		{"a withdrawal deleted", `DELETE FROM distributions WHERE id = ?`, []any{withdrawal.ID}},
		{"a correction deleted", `DELETE FROM distributions WHERE id = ?`, []any{fix.ID}},
		{"a send moved to a later day", `UPDATE distributions SET sent_on = ? WHERE id = ?`,
			[]any{day.AddDays(3).String(), sent[3].ID}},
		{"an attendee marked deleted", `UPDATE meeting_attendees SET deleted = 1
			WHERE meeting_id = ? AND member_id = ?`, []any{mid, f.members[1].ID}},
		{"an attendee deleted", `DELETE FROM meeting_attendees WHERE meeting_id = ? AND member_id = ?`,
			[]any{mid, f.members[2].ID}},
		{"an unsent version deleted", `DELETE FROM material_versions WHERE id = ?`, []any{unsent.ID}},
		{"an appraisal cleared", `UPDATE material_versions SET appraised_on = '' WHERE id = ?`, []any{ver}},
		{"a material marked deleted", `UPDATE materials SET deleted = 1 WHERE id = ?`, []any{mat}},
		{"the sends of a version deleted", `DELETE FROM distributions WHERE version_id = ?`, []any{ver}},
		{"the versions of a material deleted", `DELETE FROM material_versions WHERE material_id = ?`, []any{mat}},
		{"a material deleted", `DELETE FROM materials WHERE id = ?`, []any{mat}},
	}
	for _, st := range steps {
		got := readAndCompare(t, v, from)
		if len(got) != 2 || !hasSummary(t, v, mid) || !hasSummary(t, v, other.ID) {
			t.Fatalf("before %s: %d meetings listed, summaries %v and %v", st.name, len(got),
				hasSummary(t, v, mid), hasSummary(t, v, other.ID))
		}
		execRaw(t, v, st.query, st.args...)
		if hasSummary(t, v, mid) {
			t.Errorf("%s: the meeting kept its summary row", st.name)
		}
		if !hasSummary(t, v, other.ID) {
			t.Errorf("%s: another meeting lost its summary row", st.name)
		}
	}
	p := readAndCompare(t, v, from)[1].Progress
	if p.Materials != 2 || p.Appraised != 1 || p.Attendees != 2 || p.CellsSent != 1 || p.LastSent != day {
		t.Errorf("after the writes progress = %+v, want 2 materials, 1 appraised, 2 attendees, 1 cell sent", p)
	}

	for _, q := range []string{`DELETE FROM distributions WHERE meeting_id = ?`,
		`DELETE FROM material_versions WHERE meeting_id = ?`, `DELETE FROM materials WHERE meeting_id = ?`,
		`DELETE FROM meeting_attendees WHERE meeting_id = ?`, `DELETE FROM agenda_items WHERE meeting_id = ?`} {
		execRaw(t, v, q, mid)
	}
	readAndCompare(t, v, from)
	execRaw(t, v, `DELETE FROM meetings WHERE id = ?`, mid)
	if hasSummary(t, v, mid) {
		t.Error("a deleted meeting kept its summary row")
	}
	if got := readAndCompare(t, v, from); len(got) != 1 {
		t.Errorf("%d meetings listed after deleting one of two", len(got))
	}
}

// TestMeetingProgressUpgrade applies the summary migration to a vault
// that already holds sends, as opening a vault made before it does, and
// expects the first read to count every meeting.
func TestMeetingProgressUpgrade(t *testing.T) {
	f := newMeetingFixture(t)
	day := model.NewDate(2026, time.December, 10)
	for _, ver := range f.versions {
		if err := f.v.AppraiseVersion(ver.ID, day, "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}

	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ms, func(m migration) bool { return m.name == "006_meeting_progress.sql" })
	if i < 0 {
		t.Fatal("no migration 006_meeting_progress.sql")
	}

	err = f.v.write(func(tx *sql.Tx) error {
		var names []string
		err := scanEach(tx, func(rows *sql.Rows) error {
			var name string
			err := rows.Scan(&name)
			names = append(names, name)
			return err
		}, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'meeting\_progress\_%' ESCAPE '\'`)
		if err != nil {
			return err
		}
		for _, name := range names {
			if _, err := tx.Exec(`DROP TRIGGER ` + name); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(`DROP TABLE meeting_progress`); err != nil {
			return err
		}
		_, err = tx.Exec(ms[i].sql)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	if n := summaryRows(t, f.v); n != 0 {
		t.Fatalf("%d summary rows after the migration, want none", n)
	}
	got := readAndCompare(t, f.v, model.NewDate(2026, time.December, 1))
	if p := got[0].Progress; p.CellsSent != 6 || p.Appraised != 2 {
		t.Errorf("first read after the upgrade = %+v, want 6 cells sent, 2 appraised", p)
	}
}

// readAndCompare reads the planned meetings from from and fails the test
// unless they equal the full scan.
func readAndCompare(t *testing.T, v *Vault, from model.Date) []MeetingProgress {
	t.Helper()
	got, err := v.PlannedMeetingProgress(from)
	if err != nil {
		t.Fatal(err)
	}
	want, err := scanProgress(v, from)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			t.Errorf("%s: summary %+v, scan %+v", got[i].Title, got[i].Progress, want[i].Progress)
		}
		t.Fatalf("%d meetings from the summary, %d from the scan", len(got), len(want))
	}
	return got
}

func execRaw(t *testing.T, v *Vault, query string, args ...any) {
	t.Helper()
	err := v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(query, args...)
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func hasSummary(t *testing.T, v *Vault, meetingID string) bool {
	t.Helper()
	var n int
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT count(*) FROM meeting_progress WHERE meeting_id = ?`, meetingID).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// TestMeetingProgressWhileWriteLocked reads readiness while another
// transaction holds the write lock past the busy timeout: the call must
// count without storing, and store on the next call.
func TestMeetingProgressWhileWriteLocked(t *testing.T) {
	saved := slices.Clone(connectionPragmas)
	t.Cleanup(func() { copy(connectionPragmas, saved) })
	for i, p := range connectionPragmas {
		if strings.HasPrefix(p, "PRAGMA busy_timeout") {
			connectionPragmas[i] = "PRAGMA busy_timeout = 100"
		}
	}
	f := newMeetingFixture(t)
	copy(connectionPragmas, saved)
	day := model.NewDate(2026, time.December, 10)
	for _, ver := range f.versions {
		if err := f.v.AppraiseVersion(ver.ID, day, "Trưởng ban", ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.v.SendAll(f.meeting.ID, day, model.ChannelPaper, ""); err != nil {
		t.Fatal(err)
	}

	locked, release, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	var once sync.Once
	unlock := func() { once.Do(func() { close(release) }) }
	defer unlock() // a failed check must not leave the vault locked for Close
	go func() {
		done <- f.v.write(func(tx *sql.Tx) error {
			_, err := tx.Exec(`UPDATE meetings SET notes = 'đang nhập gói' WHERE id = ?`, f.meeting.ID)
			close(locked)
			<-release
			if err == nil {
				err = errors.New("roll back")
			}
			return err
		})
	}()
	<-locked
	list, err := f.v.PlannedMeetingProgress(model.NewDate(2026, time.December, 1))
	if err != nil || len(list) != 1 {
		t.Fatalf("PlannedMeetingProgress while locked = %d meetings, %v", len(list), err)
	}
	if p := list[0].Progress; p.CellsSent != 6 || p.Appraised != 2 || p.Attendees != 3 {
		t.Errorf("progress while locked = %+v, want 6 cells sent, 2 appraised, 3 attendees", p)
	}
	if hasSummary(t, f.v, f.meeting.ID) {
		t.Error("a summary row was stored while another transaction held the write lock")
	}
	unlock()
	if err := <-done; err == nil || err.Error() != "roll back" {
		t.Fatalf("locking transaction: %v", err)
	}
	readAndCompare(t, f.v, model.NewDate(2026, time.December, 1))
	if !hasSummary(t, f.v, f.meeting.ID) {
		t.Error("no summary row after the lock was released")
	}
}
