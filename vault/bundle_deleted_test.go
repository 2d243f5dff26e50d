package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"testing"

	"sotay/model"
)

// bundlePlaintext decrypts bundle with key and returns the whole
// plaintext stream: header, manifest, records, attachments and padding.
func bundlePlaintext(t *testing.T, bundle []byte, key BundleKey) []byte {
	t.Helper()
	r, err := openBundle(context.Background(), bytes.NewReader(bundle), int64(len(bundle)), key)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r.src)
	if err != nil {
		t.Fatal(err)
	}
	return plain
}

// assertNoMarkerIn fails when plain contains a form of leakMarker.
func assertNoMarkerIn(t *testing.T, what string, plain []byte) {
	t.Helper()
	for _, m := range markerForms() {
		if bytes.Contains(plain, m) {
			t.Errorf("%s contains the marker %q", what, m)
		}
	}
}

// secretContent returns file content that contains every form of the
// marker.
func secretContent() []byte {
	var b bytes.Buffer
	for i := 0; i < 200; i++ {
		for _, m := range markerForms() {
			b.WriteString("đoạn bí mật ")
			b.Write(m)
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// rowDeletedAndBlob returns the deletion mark and content reference of a
// row of a table with a blob column.
func rowDeletedAndBlob(t *testing.T, v *Vault, table, id string) (int, string) {
	t.Helper()
	var deleted int
	var sum string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT deleted, sha256 FROM `+table+` WHERE id = ?`, id).Scan(&deleted, &sum)
	})
	if err != nil {
		t.Fatalf("%s %s: %v", table, id, err)
	}
	return deleted, sum
}

func TestBundleDeletedDocumentLeavesContent(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-30", 5000)
	secret := &model.Document{CaseID: c.ID, Name: "to-trinh.txt", Classification: model.Confidential}
	if err := a.AddDocument(context.Background(), secret, bytes.NewReader(secretContent()), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteDocument(secret.ID); err != nil {
		t.Fatal(err)
	}

	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	key, _ := b.OfficerKey()
	assertNoMarkerIn(t, "the bundle's plaintext", bundlePlaintext(t, bundle, key))
	m, err := VerifyBundle(context.Background(), bytes.NewReader(bundle), int64(len(bundle)), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, att := range m.Attachments {
		if att.SHA256 == secret.SHA256 {
			t.Errorf("the manifest lists the deleted document's content")
		}
	}
	if m.Tables["documents"] != 2 {
		t.Errorf("bundle carries %d document rows, want 2 (one with its deletion mark)", m.Tables["documents"])
	}

	p, err := importBytes(b, bundle, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Tables["documents"].Updated != 1 {
		t.Errorf("document changes = %+v, want the deletion as one update", p.Tables["documents"])
	}
	if _, err := b.Document(secret.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted document in the receiving vault: err = %v, want ErrNotFound", err)
	}
	deleted, sum := rowDeletedAndBlob(t, b, "documents", secret.ID)
	if deleted != 1 || sum != secret.SHA256 {
		t.Errorf("receiving row: deleted = %d, sha256 = %s; want 1 and its own content", deleted, sum)
	}
	docs, err := b.Documents(c.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("live documents = %d, %v; want 1", len(docs), err)
	}
	var content bytes.Buffer
	if err := b.WriteDocument(docs[0].ID, &content); err != nil || content.Len() != 5000 {
		t.Errorf("live document after import: %d bytes, %v", content.Len(), err)
	}
}

func TestBundleDeletedDocumentNewToReceiver(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-31", 100)
	secret := &model.Document{CaseID: c.ID, Name: "bien-ban.txt"}
	other := &model.Document{CaseID: c.ID, Name: "ban-nhap.txt"}
	for i, d := range []*model.Document{secret, other} {
		content := append(secretContent(), byte(i))
		if err := a.AddDocument(context.Background(), d, bytes.NewReader(content), nil); err != nil {
			t.Fatal(err)
		}
		if err := a.DeleteDocument(d.ID); err != nil {
			t.Fatal(err)
		}
	}

	bundle := exportTo(t, a, cardOf(t, b), c.ID)
	key, _ := b.OfficerKey()
	assertNoMarkerIn(t, "the bundle's plaintext", bundlePlaintext(t, bundle, key))
	p, err := importBytes(b, bundle, ImportOptions{})
	if err != nil {
		t.Fatalf("import of a deleted document without its content: %v", err)
	}
	if p.Tables["documents"].Added != 3 {
		t.Errorf("document changes = %+v, want 3 added", p.Tables["documents"])
	}
	blobs := blobSet(t, b)
	for _, d := range []*model.Document{secret, other} {
		deleted, sum := rowDeletedAndBlob(t, b, "documents", d.ID)
		if deleted != 1 || sum != EmptyContentSHA256 {
			t.Errorf("new deleted row %s: deleted = %d, sha256 = %s; want 1 and the empty content", d.Name, deleted, sum)
		}
		if blobs[d.SHA256] {
			t.Errorf("the receiving vault has the content of the deleted %s", d.Name)
		}
	}

	// The same bundle again changes nothing, although the row refers to
	// another content than the sender's.
	p, err = importBytes(b, bundle, ImportOptions{AllowReplay: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total.Added+p.Total.Updated+p.Total.Conflicts != 0 {
		t.Errorf("second import changes = %+v, want none", p.Total)
	}
}

func TestBundleDeletedMaterialLeavesContent(t *testing.T) {
	f := newMeetingFixture(t)
	a := f.v
	b, _ := newTestVault(t)
	oa, _ := a.EnsureOfficer("Thư ký hội nghị", "")
	ob, _ := b.EnsureOfficer("Ủy viên", "")
	a.AddKeyCard(ob.Card())
	b.AddKeyCard(oa.Card())

	mat := model.Material{ItemID: f.items[0].ID, Title: "Tờ trình kỷ luật"}
	ver := model.MaterialVersion{Name: "to-trinh.txt"}
	if err := a.AddMaterial(context.Background(), &mat, &ver, bytes.NewReader(secretContent())); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteMaterial(mat.ID); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	req := ExportRequest{Kind: KindMeetings, MeetingIDs: []string{f.meeting.ID}, Recipients: []KeyCard{ob.Card()}}
	if _, err := a.ExportBundle(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	key, _ := b.OfficerKey()
	assertNoMarkerIn(t, "the meeting bundle's plaintext", bundlePlaintext(t, buf.Bytes(), key))
	if _, err := importBytes(b, buf.Bytes(), ImportOptions{}); err != nil {
		t.Fatalf("import of a deleted material without its content: %v", err)
	}
	if deleted, _ := rowDeletedAndBlob(t, b, "material_versions", ver.ID); deleted != 1 {
		t.Errorf("material version in the receiving vault: deleted = %d, want 1", deleted)
	}
	files, err := b.Materials(f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Errorf("receiving vault lists %d materials, want the 2 live ones", len(files))
	}
}

func TestBundleSharedContentStillTravels(t *testing.T) {
	a, b := officerPair(t)
	c := addCaseWithDocument(t, a, "KT-32", 100)
	content := []byte("cùng một nội dung ở hai tài liệu")
	first := &model.Document{CaseID: c.ID, Name: "ban-1.txt"}
	second := &model.Document{CaseID: c.ID, Name: "ban-2.txt"}
	for _, d := range []*model.Document{first, second} {
		if err := a.AddDocument(context.Background(), d, bytes.NewReader(content), nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.DeleteDocument(first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := importBytes(b, exportTo(t, a, cardOf(t, b), c.ID), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := b.WriteDocument(second.ID, &got); err != nil || !bytes.Equal(got.Bytes(), content) {
		t.Errorf("live document sharing content with a deleted one: %q, %v", got.Bytes(), err)
	}
	if _, sum := rowDeletedAndBlob(t, b, "documents", first.ID); sum != first.SHA256 {
		t.Errorf("deleted row refers to %s, want its own content %s, which travelled", sum, first.SHA256)
	}
}
