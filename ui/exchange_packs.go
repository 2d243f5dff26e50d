package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
	"sotay/vault"
)

// packPanel writes a meeting pack: one bundle per attendee of a meeting,
// each encrypted to the key card linked to that attendee, into a folder
// on the USB stick, and shows what the distribution record now holds.
type packPanel struct {
	w        *window
	openKeys func()

	meetings  []model.Meeting
	choose    *widget.Select
	plan      *app.PackPlan
	summary   *widget.Label
	attendees *fyne.Container
	missing   *fyne.Container
	results   *fyne.Container

	confirm *widget.Check
	folder  *widget.Entry
	button  *widget.Button
	task    *progressTask
	status  *widget.Label
}

// newPackPanel returns the panel. openKeys shows the key directory, where
// the user links members to key cards.
func newPackPanel(w *window, openKeys func()) *packPanel {
	return &packPanel{w: w, openKeys: openKeys}
}

func (p *packPanel) build() fyne.CanvasObject {
	w := p.w
	p.choose = widget.NewSelect(nil, p.onMeetingChosen)
	p.choose.PlaceHolder = w.t("exchange.packs_choose")
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.attendees = container.NewVBox()
	p.missing = container.NewVBox()
	p.results = container.NewVBox()
	p.status = statusLabel()
	p.task = newProgressTask(w)
	p.confirm = widget.NewCheck(w.t("exchange.confirm_over_limit"), nil)
	p.confirm.Hide()
	p.folder = widget.NewEntry()
	p.folder.SetPlaceHolder(w.t("exchange.folder_hint"))
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), p.onBrowse)
	p.button = widget.NewButtonWithIcon(w.t("exchange.packs_button"), theme.UploadIcon(), p.onExport)
	p.button.Importance = widget.HighImportance
	p.button.Disable()

	intro := widget.NewLabel(w.t("exchange.packs_intro"))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		intro,
		container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.packs_meeting")), nil, p.choose),
		p.summary,
	)
	bottom := container.NewVBox(
		p.confirm,
		container.NewBorder(nil, nil, widget.NewLabel(w.t("exchange.folder")), browse, p.folder),
		p.button,
		p.task.box,
		p.status,
	)
	middle := container.NewVScroll(container.NewVBox(p.results, p.attendees, p.missing))
	p.refresh()
	return container.NewBorder(top, bottom, nil, nil, middle)
}

// refresh reads the meetings and the chosen meeting's attendees again,
// for links made in the key directory since.
func (p *packPanel) refresh() {
	w := p.w
	list, err := w.session.Meetings(model.Date{}, model.Date{})
	if err != nil {
		setStatus(p.status, w.message(err), true)
		return
	}
	p.meetings = orderForPacks(list, w.today())
	options := make([]string, len(p.meetings))
	for i, m := range p.meetings {
		options[i] = p.meetingLabel(m)
	}
	p.choose.SetOptions(options)
	if len(options) == 0 {
		p.summary.SetText(w.t("exchange.no_meetings"))
		return
	}
	if p.plan != nil {
		p.load(p.plan.Meeting.ID)
	}
}

// orderForPacks puts the meetings to come first, soonest first, then the
// past ones, latest first. Cancelled meetings are left out.
func orderForPacks(list []model.Meeting, today model.Date) []model.Meeting {
	var upcoming, past []model.Meeting
	for _, m := range list {
		switch {
		case m.Status == model.MeetingCancelled:
		case m.Date.Before(today):
			past = append([]model.Meeting{m}, past...)
		default:
			upcoming = append(upcoming, m)
		}
	}
	return append(upcoming, past...)
}

func (p *packPanel) meetingLabel(m model.Meeting) string {
	label := m.Date.Display() + " · "
	if m.Number != "" {
		label += m.Number + " — "
	}
	label += m.Title
	if mark := m.Classification.Mark(); mark != "" {
		label += " [" + mark + "]"
	}
	return label
}

func (p *packPanel) onMeetingChosen(string) {
	p.w.touch()
	i := p.choose.SelectedIndex()
	if i < 0 || i >= len(p.meetings) {
		return
	}
	p.results.RemoveAll()
	clearStatus(p.status)
	p.load(p.meetings[i].ID)
}

// load shows the attendees of a meeting with their key cards.
func (p *packPanel) load(meetingID string) {
	w := p.w
	plan, err := app.PlanMeetingPacks(w.session, meetingID)
	if err != nil {
		p.plan = nil
		p.button.Disable()
		setStatus(p.status, w.message(err), true)
		return
	}
	p.plan = plan
	p.summary.Importance = widget.MediumImportance
	p.summary.SetText(w.t("exchange.packs_summary", len(plan.Attendees), plan.Linked(), plan.Versions))
	if plan.Highest > plan.Limit {
		p.confirm.Show()
	} else {
		p.confirm.SetChecked(false)
		p.confirm.Hide()
	}
	p.showAttendees()
	if plan.Linked() > 0 && p.task.stop == nil {
		p.button.Enable()
	} else {
		p.button.Disable()
	}
}

func (p *packPanel) showAttendees() {
	w := p.w
	plan := p.plan
	p.attendees.RemoveAll()
	p.missing.RemoveAll()
	if len(plan.Attendees) == 0 {
		p.missing.Add(noteLabel(w.t("exchange.packs_no_attendees"), widget.WarningImportance))
		return
	}
	rows := container.NewVBox()
	var unlinked []string
	for _, a := range plan.Attendees {
		rows.Add(p.attendeeRow(a))
		if !a.Linked {
			unlinked = append(unlinked, a.Member.Name)
		}
	}
	p.attendees.Add(widget.NewCard("", w.t("exchange.packs_attendees"), rows))
	if plan.Versions == 0 {
		p.missing.Add(noteLabel(w.t("exchange.packs_no_versions"), widget.WarningImportance))
	}
	if len(unlinked) > 0 {
		text := w.tn("exchange.packs_missing", len(unlinked), len(unlinked), strings.Join(unlinked, ", "))
		open := widget.NewButtonWithIcon(w.t("exchange.packs_open_keys"), theme.AccountIcon(), p.openKeys)
		p.missing.Add(noteLabel(text, widget.WarningImportance))
		p.missing.Add(container.NewHBox(open))
	}
}

// attendeeRow shows a member and whether a key card is linked to them.
func (p *packPanel) attendeeRow(a app.PackAttendee) fyne.CanvasObject {
	w := p.w
	name := widget.NewLabelWithStyle(a.Member.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewLabel(a.Member.Title)
	icon := widget.NewIcon(theme.WarningIcon())
	state := widget.NewLabel(w.t("exchange.packs_unlinked"))
	state.Importance = widget.WarningImportance
	if a.Linked {
		icon.SetResource(theme.ConfirmIcon())
		state.SetText(w.t("exchange.packs_linked", a.Card.Name, a.Card.ReadAloud()))
		state.Importance = widget.SuccessImportance
	}
	state.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewHBox(icon, name, title), nil, state)
}

func (p *packPanel) onBrowse() { p.w.chooseFolder(p.folder) }

// onExport writes the packs off the UI goroutine, with progress and
// cancel, and then shows each member's outcome.
func (p *packPanel) onExport() {
	w := p.w
	w.touch()
	if p.plan == nil {
		setStatus(p.status, w.t("exchange.packs_pick_meeting"), true)
		return
	}
	dir := strings.TrimSpace(p.folder.Text)
	if dir == "" {
		setStatus(p.status, w.t("exchange.folder_missing"), true)
		return
	}
	session, meetingID, confirm, today := w.session, p.plan.Meeting.ID, p.confirm.Checked, w.today()
	p.button.Disable()
	p.choose.Disable()
	clearStatus(p.status)
	p.results.RemoveAll()
	var outcomes []app.PackOutcome
	p.task.start(w.t("exchange.packs_writing"), func(ctx context.Context, progress func(int64, int64)) error {
		var err error
		outcomes, err = app.ExportMeetingPacks(ctx, session, meetingID, dir, today, confirm, progress)
		return err
	}, func(err error) {
		p.choose.Enable()
		p.showOutcomes(dir, outcomes, err)
		p.load(meetingID)
	})
}

// showOutcomes lists what was written for each member and what the
// distribution record holds, and sums it up in the status line.
func (p *packPanel) showOutcomes(dir string, outcomes []app.PackOutcome, err error) {
	w := p.w
	cancelled := errors.Is(err, context.Canceled)
	if err != nil && !cancelled {
		setStatus(p.status, w.message(err), true)
		return
	}
	written, overLimit := 0, false
	var failure error
	rows := container.NewVBox()
	for _, o := range outcomes {
		rows.Add(p.outcomeRow(o))
		switch {
		case o.Err == nil:
			written++
		case failure == nil && !errors.Is(o.Err, vault.ErrNoMemberKey):
			failure = o.Err
		}
		overLimit = overLimit || errors.Is(o.Err, vault.ErrOverClassificationLimit)
	}
	if len(outcomes) > 0 {
		p.results.Add(widget.NewCard("", w.t("exchange.packs_result_title"), rows))
	}
	if overLimit {
		p.confirm.Show()
	}
	switch {
	case cancelled && written == 0:
		setStatus(p.status, w.t("exchange.packs_cancelled_none"), true)
	case cancelled:
		setStatus(p.status, w.tn("exchange.packs_cancelled", written, written), true)
	case written == 0 && failure != nil:
		setStatus(p.status, w.message(failure), true)
	case written == 0:
		setStatus(p.status, w.t("exchange.packs_none_written"), true)
	default:
		setStatus(p.status, w.t("exchange.packs_done", written, dir, len(outcomes)-written), false)
	}
}

// outcomeRow shows one member's pack: the file and the distribution
// record, or why no pack was written.
func (p *packPanel) outcomeRow(o app.PackOutcome) fyne.CanvasObject {
	w := p.w
	name := widget.NewLabelWithStyle(o.Member.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if errors.Is(o.Err, vault.ErrNoMemberKey) {
		reason := noteLabel(w.t("exchange.packs_skipped"), widget.WarningImportance)
		return container.NewBorder(nil, nil, name, nil, reason)
	}
	if o.Err != nil {
		reason := noteLabel(w.t("exchange.packs_failed", w.message(o.Err)), widget.DangerImportance)
		return container.NewBorder(nil, nil, name, nil, reason)
	}
	lines := container.NewVBox()
	file := widget.NewLabel(w.tn("exchange.packs_written", o.Versions, o.Path, o.Versions, formatSize(o.Size)))
	file.Truncation = fyne.TextTruncateEllipsis
	lines.Add(file)
	for _, r := range o.Record {
		channel := w.t("meetings.channel." + string(r.Channel))
		line := widget.NewLabel(w.tn("exchange.packs_record", r.Versions, channel, r.SentOn.Display(),
			formatInstant(r.Recorded), r.Versions))
		line.Importance = widget.SuccessImportance
		lines.Add(line)
	}
	return container.NewBorder(nil, nil, container.NewVBox(name), nil, lines)
}

// formatSize shows a size in bytes as KiB or MiB with one decimal.
func formatSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
