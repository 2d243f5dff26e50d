package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sotay/app"
	"sotay/model"
)

func (s *meetingScreen) materialRow(j int) fyne.CanvasObject {
	w, mat := s.w, &s.v.Materials[j]
	ver := mat.Latest()
	info := widget.NewLabel("")
	info.Wrapping = fyne.TextWrapWord
	text := "– " + mat.Title
	var buttons []fyne.CanvasObject
	if ver != nil {
		text += " (" + w.t("meetings.material.version", ver.Version) + ", " + ver.Name + ") · "
		if ver.Appraised() {
			text += w.t("meetings.material.appraised", ver.AppraisedOn.Display(), ver.AppraisedBy)
		} else {
			text += w.t("meetings.material.draft")
			appraise := widget.NewButton(w.t("meetings.material.appraise"), func() { s.onAppraise(ver.ID) })
			appraise.Importance = widget.HighImportance
			buttons = append(buttons, appraise)
		}
		if ver.LateReason != "" {
			text += "\n" + w.t("meetings.material.late_reason", ver.LateReason)
		}
	}

	buttons = append(buttons,
		widget.NewButton(w.t("meetings.material.new_version"), func() { s.chooseFile(mat.ItemID, mat.ID) }))
	if ver != nil {
		buttons = append(buttons,
			widget.NewButtonWithIcon(w.t("meetings.material.save_copy"), theme.DownloadIcon(), func() { s.onSaveCopy(j) }))
	}
	buttons = append(buttons, widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.onDeleteMaterial(j) }))
	info.SetText(text)

	late := widget.NewLabel("")
	if s.v.LateVersion(j) {
		late.SetText(w.t("meetings.material.late"))
		late.Importance = widget.DangerImportance
		late.TextStyle = fyne.TextStyle{Bold: true}
	}
	right := container.NewHBox(append([]fyne.CanvasObject{container.NewCenter(newClassificationBadge(mat.Classification)), late}, buttons...)...)
	return container.NewBorder(nil, nil, nil, right, info)
}

// onDeleteMaterial deletes material j with every version after a
// confirmation that states how many members were sent it. The deletion
// is a mark, so the record keeps those sends and names the material as
// deleted.
func (s *meetingScreen) onDeleteMaterial(j int) {
	w, mat := s.w, s.v.Materials[j]
	w.touch()
	question := w.t("meetings.material.delete_confirm", mat.Title)
	sent := s.v.SentTo(j)
	if sent > 0 {
		question = w.tn("meetings.material.delete_sent_confirm", sent, mat.Title, sent)
	}
	dialog.ShowConfirm(w.t("meetings.material.delete_title"), question, func(ok bool) {
		if !ok {
			return
		}
		if err := w.session.DeleteMaterial(mat.ID); err != nil {
			s.fail(err)
			return
		}
		done := w.t("meetings.material.deleted", mat.Title)
		if sent > 0 {
			done = w.tn("meetings.material.deleted_sent", sent, mat.Title, sent)
		}
		if next := s.reload(0); next != nil {
			next.notify(done)
		}
	}, w.win)
}

// onSaveCopy saves a copy of a version of material j out of the vault.
// For a material with several versions it first offers a choice of
// version, and for a classified one it first warns that the copy is not
// encrypted.
func (s *meetingScreen) onSaveCopy(j int) {
	w, mat := s.w, s.v.Materials[j]
	w.touch()
	if len(mat.Versions) == 1 && mat.Classification == model.Unclassified {
		s.chooseCopyPath(mat.Versions[0])
		return
	}
	var names []string
	for _, ver := range mat.Versions {
		name := w.t("meetings.material.version", ver.Version) + " · " + ver.Name
		if ver.Appraised() {
			name += " · " + w.t("meetings.material.appraised", ver.AppraisedOn.Display(), ver.AppraisedBy)
		}
		names = append(names, name)
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(len(names) - 1)

	content := container.NewVBox()
	if mat.Classification != model.Unclassified {
		warn := widget.NewLabel(w.t("meetings.material.copy_classified", mat.Classification.Mark()))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.DangerImportance
		content.Add(warn)
	}
	if len(names) > 1 {
		content.Add(widget.NewForm(widget.NewFormItem(w.t("meetings.material.copy_version"), pick)))
	}

	d := dialog.NewCustomConfirm(w.t("meetings.material.save_copy"), w.t("meetings.material.copy_choose"),
		w.t("action.cancel"), content, func(ok bool) {
			if ok && pick.SelectedIndex() >= 0 {
				s.chooseCopyPath(mat.Versions[pick.SelectedIndex()])
			}
		}, w.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func (s *meetingScreen) chooseCopyPath(ver model.MaterialVersion) {
	s.w.chooseSaveFile(ver.Name, s.fail, func(uri fyne.URI) { s.saveCopy(ver, uri) })
}

// saveCopy writes version ver to uri through a temporary file in the
// same folder, off the UI goroutine.
func (s *meetingScreen) saveCopy(ver model.MaterialVersion, uri fyne.URI) {
	w := s.w
	if uri.Scheme() != "file" {
		s.fail(errNotAFile)
		return
	}
	s.message.Importance = widget.MediumImportance
	s.message.SetText(w.t("doc.saving"))
	session := w.session
	run(func() error {
		return app.SaveMaterialCopy(session, ver.ID, uri.Path())
	}, func(err error) {
		if err != nil {
			// The save dialog created an empty file; leave nothing.
			storage.Delete(uri)
			s.fail(err)
			return
		}
		s.message.Importance = widget.SuccessImportance
		s.message.SetText(w.t("meetings.material.copy_saved", ver.Name, filepath.FromSlash(uri.Path())))
	})
}

func (s *meetingScreen) chooseFile(itemID, materialID string) {
	w := s.w
	w.touch()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				s.fail(err)
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		session, class := w.session, s.v.Meeting.Classification
		run(func() error {
			return app.AddMaterialFile(context.Background(), session, itemID, materialID, class, path)
		}, func(err error) {
			if err != nil {
				s.fail(err)
				return
			}
			s.reload(0)
		})
	}, w.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// linkDocument adds a document of the item's case as a material, sharing
// its stored content.
func (s *meetingScreen) linkDocument(it model.AgendaItem) {
	w := s.w
	if it.CaseID == "" {
		s.fail(errNeedsCase)
		return
	}
	docs, err := w.session.Documents(it.CaseID)
	if err != nil {
		s.fail(err)
		return
	}
	if len(docs) == 0 {
		s.message.Importance = widget.WarningImportance
		s.message.SetText(w.t("meetings.material.no_docs"))
		return
	}
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	dialog.ShowCustomConfirm(w.t("meetings.material.link_title"), w.t("action.add"), w.t("action.cancel"), pick, func(ok bool) {
		if !ok || pick.SelectedIndex() < 0 {
			return
		}
		d := docs[pick.SelectedIndex()]
		mat := model.Material{ItemID: it.ID, Classification: max(d.Classification, s.v.Meeting.Classification)}
		ver := model.MaterialVersion{DocumentID: d.ID}
		if err := w.session.AddMaterial(context.Background(), &mat, &ver, nil); err != nil {
			s.fail(err)
			return
		}
		s.reload(0)
	}, w.win)
}

// errNotAFile is shown when the save dialog returns a place that is not
// a file on this machine.
var errNotAFile = errors.New("the chosen place is not a local file")
