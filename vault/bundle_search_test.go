package vault

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sotay/model"
)

// searchRows returns the search row of every case by case id, as the
// folded code, title, subject and notes.
func searchRows(t *testing.T, v *Vault) map[string]string {
	t.Helper()
	rows := map[string]string{}
	err := v.read(func(db *sql.DB) error {
		r, err := db.Query(`SELECT c.id, s.code, s.title, s.subject, s.notes
			FROM case_search s JOIN cases c ON c.rowid = s.rowid`)
		if err != nil {
			return err
		}
		defer r.Close()
		for r.Next() {
			var id, code, title, subject, notes string
			if err := r.Scan(&id, &code, &title, &subject, &notes); err != nil {
				return err
			}
			rows[id] = fmt.Sprintf("%s|%s|%s|%s", code, title, subject, notes)
		}
		return r.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestImportSearchRowsMatchSender imports cases with journal entries, an
// updated case and a deleted one, and checks that the receiver's search
// rows equal the sender's and a rebuild with reindexImported per case.
func TestImportSearchRowsMatchSender(t *testing.T) {
	a, b := officerPair(t)
	var ids []string
	for i := range 40 {
		c := sampleCase()
		c.Code = fmt.Sprintf("KT-S%02d", i)
		c.Title = fmt.Sprintf("Kiểm tra số %d", i)
		if err := a.CreateCase(c, false); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
		if i%3 == 0 {
			e := &model.JournalEntry{CaseID: c.ID, Date: model.NewDate(2026, 11, 2), Text: fmt.Sprintf("Làm việc với đảng viên lần %d", i)}
			if err := a.AddJournalEntry(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), ids...), ImportOptions{TrustSender: true}); err != nil {
		t.Fatal(err)
	}
	changed, err := a.Case(ids[5])
	if err != nil {
		t.Fatal(err)
	}
	changed.Title = "Tiêu đề đã sửa"
	if err := a.UpdateCase(changed); err != nil {
		t.Fatal(err)
	}
	bundle := exportTo(t, a, cardOf(t, b), ids...)
	if err := a.DeleteCase(ids[7]); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	req := ExportRequest{Kind: KindBackup, Recipients: []KeyCard{cardOf(t, b)}}
	if _, err := a.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, buf.Bytes(), ImportOptions{}); err != nil {
		t.Fatal(err)
	}

	got := searchRows(t, b)
	if want := searchRows(t, a); !reflect.DeepEqual(got, want) {
		t.Errorf("receiver search rows differ from the sender's:\n got %v\nwant %v", got, want)
	}
	if _, ok := got[ids[7]]; ok {
		t.Errorf("deleted case %s keeps a search row", ids[7])
	}
	if row := got[ids[5]]; !strings.Contains(row, model.Fold("Tiêu đề đã sửa")) {
		t.Errorf("updated case search row = %q, want the new title", row)
	}
	err = b.write(func(tx *sql.Tx) error {
		for _, id := range ids {
			if err := reindexImported(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rebuilt := searchRows(t, b); !reflect.DeepEqual(got, rebuilt) {
		t.Errorf("import search rows differ from a rebuild one case at a time:\n got %v\nwant %v", got, rebuilt)
	}
}
