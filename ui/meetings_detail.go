package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

// meetingScreen is one meeting: its agenda with materials, the
// distribution matrix, the attendees and the send record.
type meetingScreen struct {
	w       *window
	rules   app.MeetingRules
	v       *app.MeetingView
	message *widget.Label

	agenda       *container.Scroll
	agendaOffset fyne.Position       // the agenda's scroll offset before a reload
	rows         []fyne.CanvasObject // the agenda rows, for dragging
	frames       []*canvas.Rectangle // the drop outline of each row
}

func newMeetingScreen(w *window, id string) (*meetingScreen, error) {
	rules, err := app.LoadMeetingRules(w.session)
	if err != nil {
		return nil, err
	}
	v, err := app.LoadMeeting(w.session, rules, id, w.today())
	if err != nil {
		return nil, err
	}
	return &meetingScreen{w: w, rules: rules, v: v}, nil
}

func (s *meetingScreen) build(tab int) fyne.CanvasObject {
	w := s.w
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("meetings.tab.agenda"), s.agendaTab()),
		container.NewTabItem(w.t("meetings.tab.distribution"), s.matrixTab()),
		container.NewTabItem(w.t("meetings.tab.attendees"), s.attendeesTab()),
		container.NewTabItem(w.t("meetings.tab.record"), s.recordTab()),
	)
	tabs.SelectIndex(tab)
	return container.NewBorder(container.NewVBox(s.header(), s.message), nil, nil, nil, tabs)
}

func (s *meetingScreen) header() fyne.CanvasObject {
	w, m, a := s.w, s.v.Meeting, s.v.Assessment
	title := widget.NewLabelWithStyle(m.Number+" · "+m.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := fmt.Sprintf("%s %s, %s · %s · %s", m.Time, w.t("meetings.weekday."+m.Date.Weekday().String()),
		m.Date.Display(), m.Place, w.t("meetings.kind."+string(m.Kind)))
	days := s.rules.Rule.Days
	unit := w.tn("meetings.unit_calendar", days)
	if s.rules.Rule.Working {
		unit = w.tn("meetings.unit_working", days)
	}
	deadlines := w.t("meetings.deadlines", a.Deadline.Display(), a.Practical.Display()) + " " +
		w.t("meetings.deadline_rule", days, unit)
	state := widget.NewLabel(w.t("meetings.status." + string(m.Status)))
	if a.Readiness != model.ReadyNA {
		text := w.t("meetings.readiness." + string(a.Readiness))
		if a.Readiness != model.Ready {
			text += " · " + countdown(w, a) + " · " + w.tn("meetings.unsent", a.Unsent, a.Unsent)
		}
		state.SetText(text)
		state.Importance = readinessImportance(a.Readiness)
	}
	state.TextStyle = fyne.TextStyle{Bold: true}

	edit := widget.NewButtonWithIcon(w.t("action.edit"), theme.DocumentCreateIcon(), func() {
		w.touch()
		m := s.v.Meeting
		w.show(w.t("nav.meetings"), newMeetingForm(w, &m).build())
	})
	print := widget.NewButtonWithIcon(w.t("meetings.print"), theme.DocumentPrintIcon(), s.onPrint)
	sendAll := widget.NewButtonWithIcon(w.t("meetings.send_all"), theme.MailSendIcon(), s.onSendAll)
	sendAll.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), func() { w.showMeetingList() })
	buttons := container.NewHBox(back, edit, print, sendAll)
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewCenter(newClassificationBadge(m.Classification)), nil, title),
		widget.NewLabel(when), widget.NewLabel(deadlines), state, buttons)
}

// reload shows the meeting again on tab, read afresh, with the agenda
// scrolled where it was, and returns the new screen, or nil when the
// meeting could not be read.
func (s *meetingScreen) reload(tab int) *meetingScreen {
	var offset fyne.Position
	if s.agenda != nil {
		offset = s.agenda.Offset
	}
	return s.w.showMeetingAt(s.v.Meeting.ID, tab, offset)
}

func (s *meetingScreen) fail(err error) {
	s.message.Importance = widget.DangerImportance
	s.message.SetText(s.w.meetingMessage(err))
}

// notify shows text as the outcome of an action that went well.
func (s *meetingScreen) notify(text string) {
	s.message.Importance = widget.SuccessImportance
	s.message.SetText(text)
}

func (s *meetingScreen) onPrint() {
	w := s.w
	w.touch()
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			if err != nil {
				s.fail(err)
			}
			return
		}
		uri := wc.URI()
		wc.Close()
		session, rules, id, today := w.session, s.rules, s.v.Meeting.ID, w.today()
		run(func() error {
			return app.SaveMeetingPDF(session, rules, id, uri.Path(), today, w.cat.T)
		}, func(err error) {
			if err != nil {
				storage.Delete(uri)
				s.fail(err)
				return
			}
			s.message.Importance = widget.SuccessImportance
			s.message.SetText(w.t("meetings.pdf_saved", filepath.FromSlash(uri.Path())))
		})
	}, w.win)
	save.SetFileName(safeFileName(s.v.Meeting.Number + ".pdf"))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}
