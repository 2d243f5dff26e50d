package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/model"
)

// membersScreen is the members directory: commission and standing
// committee members and invited guests, kept once for every meeting.
type membersScreen struct {
	w       *window
	message *widget.Label
}

func newMembersScreen(w *window) *membersScreen { return &membersScreen{w: w} }

func (s *membersScreen) build() fyne.CanvasObject {
	w := s.w
	members, err := w.session.Members()
	if err != nil {
		return widget.NewLabel(w.meetingMessage(err))
	}
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	box := container.NewVBox()
	for _, m := range members {
		edit := widget.NewButtonWithIcon(w.t("action.edit"), theme.DocumentCreateIcon(), func() { s.editMember(m) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.deleteMember(m) })
		label := widget.NewLabel(memberLine(w, m))
		label.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), label))
	}
	if len(members) == 0 {
		box.Add(widget.NewLabel(w.t("meetings.member.none")))
	}

	f := newMemberFields(w, model.Member{Role: model.MemberCommission})
	add := widget.NewButtonWithIcon(w.t("meetings.member.add"), theme.ContentAddIcon(), func() {
		w.touch()
		m := model.Member{}
		f.read(&m)
		if err := w.session.SaveMember(&m); err != nil {
			s.fail(err)
			return
		}
		w.show(w.t("meetings.members"), newMembersScreen(w).build())
	})
	add.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(w.t("action.back"), theme.NavigateBackIcon(), w.showMeetingList)
	form := container.NewVBox(widget.NewSeparator(), container.NewGridWithColumns(3, f.name, f.title, f.role), add)
	return container.NewBorder(container.NewVBox(container.NewHBox(back), s.message), form, nil, nil, container.NewVScroll(box))
}

// memberLine returns "Name · Title · Role" with the empty parts left out.
func memberLine(w *window, m model.Member) string {
	line := m.Name
	if m.Title != "" {
		line += " · " + m.Title
	}
	return line + " · " + w.t("meetings.role."+string(m.Role))
}

func (s *membersScreen) fail(err error) {
	s.message.Importance = widget.DangerImportance
	s.message.SetText(s.w.meetingMessage(err))
}

// memberFields are the entries of a member, shared by the form that adds
// one and the dialog that edits one.
type memberFields struct {
	name, title *widget.Entry
	role        *widget.Select
}

func newMemberFields(w *window, m model.Member) *memberFields {
	f := &memberFields{name: widget.NewEntry(), title: widget.NewEntry()}
	f.name.SetText(m.Name)
	f.name.SetPlaceHolder(w.t("meetings.member.name"))
	f.title.SetText(m.Title)
	f.title.SetPlaceHolder(w.t("meetings.member.title"))
	var roles []string
	for _, r := range model.MemberRoles {
		roles = append(roles, string(r))
	}
	f.role = translatedSelect(w, "meetings.role.", roles, string(m.Role))
	return f
}

func (f *memberFields) read(m *model.Member) {
	m.Name, m.Title = f.name.Text, f.title.Text
	m.Role = model.MemberRoles[max(0, f.role.SelectedIndex())]
}

// editMember shows a member's name, title and role in a dialog and saves
// them on the member's record, so that every meeting the member attends
// and the record of what was sent show the new values. It returns the
// fields for tests.
func (s *membersScreen) editMember(m model.Member) *memberFields {
	w := s.w
	w.touch()
	f := newMemberFields(w, m)
	w.meetingFormDialog(w.t("meetings.member.edit_title"), []*widget.FormItem{
		widget.NewFormItem(w.t("meetings.member.name"), f.name),
		widget.NewFormItem(w.t("meetings.member.title"), f.title),
		widget.NewFormItem(w.t("meetings.member.role"), f.role),
	}, func() error {
		edited := m
		f.read(&edited)
		if err := w.session.SaveMember(&edited); err != nil {
			return err
		}
		next := newMembersScreen(w)
		w.show(w.t("meetings.members"), next.build())
		next.message.Importance = widget.SuccessImportance
		next.message.SetText(w.t("meetings.member.saved", edited.Name))
		return nil
	})
	return f
}

// deleteMember takes a member off the directory after a confirmation
// that states how many sends to the member the record keeps and how many
// planned meetings the member leaves. The counts run off the UI goroutine
// because they read every meeting's record.
func (s *membersScreen) deleteMember(m model.Member) {
	w := s.w
	w.touch()
	session := w.session
	today := w.today()
	var sent, upcoming int
	run(func() error {
		var err error
		if sent, err = session.MemberSendCount(m.ID); err != nil {
			return err
		}
		upcoming, err = session.UpcomingMeetingCount(m.ID, today)
		return err
	}, func(err error) {
		if err != nil {
			s.fail(err)
			return
		}
		question := w.t("meetings.member.delete_confirm", m.Name)
		if sent > 0 {
			question = w.tn("meetings.member.delete_sent_confirm", sent, m.Name, sent)
		}
		if upcoming > 0 {
			question += "\n\n" + w.tn("meetings.member.delete_upcoming", upcoming, upcoming)
		}
		dialog.ShowConfirm(w.t("action.delete"), question, func(ok bool) {
			if !ok {
				return
			}
			if _, err := w.session.DeleteMember(m.ID, today); err != nil {
				s.fail(err)
				return
			}
			w.show(w.t("meetings.members"), newMembersScreen(w).build())
		}, w.win)
	})
}
