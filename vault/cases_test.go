package vault

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"sotay/model"
)

func TestCaseValidation(t *testing.T) {
	v, _ := newTestVault(t)
	tests := []struct {
		name  string
		edit  func(c *model.Case)
		field Field
	}{
		{"empty title", func(c *model.Case) { c.Title = "   " }, FieldTitle},
		{"end before start", func(c *model.Case) { c.End = c.Start.AddDays(-1) }, FieldPeriod},
		{"no end", func(c *model.Case) { c.End = model.Date{} }, FieldPeriod},
		{"unknown kind", func(c *model.Case) { c.Kind = "x" }, FieldKind},
		{"bounds outside", func(c *model.Case) {
			c.PrepEnd, c.ExecEnd = c.End, c.End
		}, FieldBounds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sampleCase()
			tt.edit(c)
			err := v.CreateCase(c, false)
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != tt.field {
				t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
	if n, _ := v.CountCases(CaseQuery{}); n != 0 {
		t.Errorf("%d cases stored by failed creates", n)
	}
}

func TestCaseCodes(t *testing.T) {
	v, _ := newTestVault(t)
	a := sampleCase()
	a.Code = ""
	if err := v.CreateCase(a, false); err != nil {
		t.Fatal(err)
	}
	if a.Code != "HS-2026-001" {
		t.Errorf("generated code %q, want HS-2026-001", a.Code)
	}
	b := sampleCase()
	b.Code = "HS-2026-001"
	var ve *ValidationError
	if err := v.CreateCase(b, false); !errors.As(err, &ve) || ve.Field != FieldCode {
		t.Errorf("duplicate code: err = %v", err)
	}
}

func TestTemplateAndTasks(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	if err := v.CreateCase(c, true); err != nil {
		t.Fatal(err)
	}
	tasks, err := v.Tasks(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != len(model.StandardTasks) {
		t.Fatalf("%d tasks, want %d", len(tasks), len(model.StandardTasks))
	}
	task := model.Task{CaseID: c.ID, Phase: model.Execution, Title: "Làm việc với Chi bộ", Deadline: c.End.AddDays(5)}
	var ve *ValidationError
	if err := v.AddTask(&task); !errors.As(err, &ve) || ve.Field != FieldDeadline {
		t.Fatalf("deadline after the case: err = %v", err)
	}
	task.Deadline = c.Start.AddDays(20)
	if err := v.AddTask(&task); err != nil {
		t.Fatal(err)
	}
	task.Status, task.DoneOn = model.TaskDone, c.Start.AddDays(19)
	if err := v.UpdateTask(&task); err != nil {
		t.Fatal(err)
	}
	list, _ := v.ListCases(CaseQuery{Today: c.Start.AddDays(30)})
	if len(list) != 1 || list[0].TasksDone != 1 || list[0].TasksTotal != len(model.StandardTasks)+1 {
		t.Fatalf("summary = %+v", list)
	}
	if list[0].TasksOverdue == 0 {
		t.Error("no overdue task 30 days into the case")
	}
	due, _ := v.DueTasks(c.Start.AddDays(30), 100)
	for _, d := range due {
		if d.ID == task.ID {
			t.Error("a done task is listed as due")
		}
	}
}

func TestSearchIgnoresMarks(t *testing.T) {
	v, _ := newTestVault(t)
	titles := []string{
		"Giám sát chuyên đề Đảng ủy xã Tân Lập",
		"Kiểm tra đảng viên Nguyễn Văn Dang",
		"Kiểm tra tài chính Văn phòng Huyện ủy",
	}
	for _, title := range titles {
		c := sampleCase()
		c.Code, c.Title = "", title
		c.Subject = model.Subject{Name: "Chi bộ Tân Lập"}
		if err := v.CreateCase(c, false); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		query string
		first string
		count int
	}{
		{"dang vien", titles[1], 1},
		{"đảng", "", 2},
		{"dang", titles[1], 2},
		{"DANG UY", titles[0], 1},
		{norm.NFD.String("tài chính"), titles[2], 1},
		{"tan lap", titles[0], 3},
		{"không có", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := v.SearchCases(tt.query, model.NewDate(2026, 12, 4), 50)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.count {
				t.Fatalf("%d results, want %d", len(got), tt.count)
			}
			if tt.first != "" && got[0].Title != tt.first {
				t.Errorf("first result %q, want %q", got[0].Title, tt.first)
			}
		})
	}
}

func TestSearchFindsJournal(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	e := model.JournalEntry{CaseID: c.ID, Date: c.Start, Text: "Đã làm việc với đồng chí Bí thư về khoản chi tiếp khách"}
	if err := v.AddJournalEntry(&e); err != nil {
		t.Fatal(err)
	}
	got, _ := v.SearchCases("tiep khach", c.Start, 10)
	if len(got) != 1 {
		t.Fatalf("journal search: %d results", len(got))
	}
	v.DeleteJournalEntry(e.ID)
	got, _ = v.SearchCases("tiep khach", c.Start, 10)
	if len(got) != 0 {
		t.Errorf("deleted journal entry still found")
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	content := make([]byte, 3*chunkSize+123)
	rand.Read(content)
	doc := model.Document{CaseID: c.ID, Name: "Biên bản làm việc.pdf", Number: "12-BB/UBKT", Classification: model.Secret}
	var last int64
	if err := v.AddDocument(context.Background(), &doc, bytes.NewReader(content), func(n int64) { last = n }); err != nil {
		t.Fatal(err)
	}
	if last != int64(len(content)) || doc.Size != int64(len(content)) {
		t.Errorf("progress ended at %d, size %d, want %d", last, doc.Size, len(content))
	}
	var out bytes.Buffer
	if err := v.WriteDocument(doc.ID, &out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), content) {
		t.Error("document read back differs")
	}
	docs, _ := v.Documents(c.ID)
	if len(docs) != 1 || docs[0].Classification != model.Secret || docs[0].Number != "12-BB/UBKT" {
		t.Errorf("documents = %+v", docs)
	}
}

func TestDocumentTooLarge(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	r := io.LimitReader(zeroReader{}, model.MaxDocumentSize+1)
	doc := model.Document{CaseID: c.ID, Name: "lớn.bin"}
	if err := v.AddDocument(context.Background(), &doc, r, nil); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	s, _ := v.Stats()
	if s.Documents != 0 || s.BlobBytes != 0 {
		t.Errorf("a rejected file left %d documents, %d bytes", s.Documents, s.BlobBytes)
	}
}

func TestDocumentCancelled(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, false)
	ctx, cancel := context.WithCancel(context.Background())
	doc := model.Document{CaseID: c.ID, Name: "huỷ.bin"}
	err := v.AddDocument(ctx, &doc, io.LimitReader(zeroReader{}, 5*chunkSize), func(n int64) {
		if n >= 2*chunkSize {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if files := blobFiles(t, v.Dir()); len(files) != 0 {
		t.Errorf("%d attachment files left after a cancelled import", len(files))
	}
}

func TestDeleteCase(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	v.CreateCase(c, true)
	if err := v.DeleteCase(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Case(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted case: err = %v", err)
	}
	if got, _ := v.SearchCases("nguyen van an", c.Start, 10); len(got) != 0 {
		t.Error("deleted case still found by search")
	}
	if s, _ := v.Stats(); s.Tasks != 0 {
		t.Errorf("%d tasks of a deleted case still live", s.Tasks)
	}
}

func TestNormalizesOnWrite(t *testing.T) {
	v, _ := newTestVault(t)
	c := sampleCase()
	c.Title = norm.NFD.String("Kiểm tra Đảng ủy phường")
	v.CreateCase(c, false)
	got, _ := v.Case(c.ID)
	if got.Title != "Kiểm tra Đảng ủy phường" || !norm.NFC.IsNormalString(got.Title) {
		t.Errorf("stored title %q is not NFC", got.Title)
	}
	if strings.Contains(got.Title, "\u0301") {
		t.Error("combining mark stored")
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
