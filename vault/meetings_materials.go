package vault

import (
	"context"
	"database/sql"
	"errors"
	"io"

	"sotay/model"
)

// MaterialFile is a material with its versions, oldest first.
type MaterialFile struct {
	model.Material
	Versions []model.MaterialVersion
}

// Latest returns the newest version, or nil when there is none.
func (f *MaterialFile) Latest() *model.MaterialVersion {
	if len(f.Versions) == 0 {
		return nil
	}
	return &f.Versions[len(f.Versions)-1]
}

// AddMaterial stores a new material of an agenda item with its first
// version, in one transaction. The file comes from r, or, when r is nil,
// from the case document ver.DocumentID, whose stored content is shared
// rather than copied. An empty title takes the file or document name. A failure or a
// cancelled ctx stores nothing.
func (v *Vault) AddMaterial(ctx context.Context, mat *model.Material, ver *model.MaterialVersion, r io.Reader) error {
	mat.Title = model.Normalize(mat.Title)
	ver.Name = model.Normalize(ver.Name)
	if mat.Title == "" {
		mat.Title = ver.Name
	}
	if mat.Title == "" && ver.DocumentID == "" {
		return invalid(FieldMaterialTitle, "the material has no title")
	}
	if r == nil && ver.DocumentID == "" {
		return invalid(FieldMaterialFile, "the material has no file")
	}
	if !mat.Classification.Valid() {
		return invalid(FieldKind, "unknown classification")
	}
	return v.writeBlobs(func(tx *sql.Tx, b *blobBatch) error {
		err := tx.QueryRow(`SELECT meeting_id FROM agenda_items WHERE id = ? AND deleted = 0`,
			mat.ItemID).Scan(&mat.MeetingID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if mat.Title == "" {
			err := tx.QueryRow(`SELECT name FROM documents WHERE id = ? AND deleted = 0`,
				ver.DocumentID).Scan(&mat.Title)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			if err != nil {
				return err
			}
		}
		v.stamp(&mat.Record)
		_, err = tx.Exec(`INSERT INTO materials (id, meeting_id, item_id, title, classification,
			created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			mat.ID, mat.MeetingID, mat.ItemID, mat.Title, int(mat.Classification),
			formatTime(mat.CreatedAt), mat.UpdatedAt.String(), mat.Workstation)
		if err != nil {
			return err
		}
		ver.MaterialID = mat.ID
		return v.insertVersion(ctx, tx, b, ver, r)
	})
}

// AddMaterialVersion stores the next version of a material, numbered one
// above the highest so far. Its file comes from r or ver.DocumentID as in
// AddMaterial. The new version starts unappraised.
func (v *Vault) AddMaterialVersion(ctx context.Context, ver *model.MaterialVersion, r io.Reader) error {
	ver.Name = model.Normalize(ver.Name)
	if r == nil && ver.DocumentID == "" {
		return invalid(FieldMaterialFile, "the version has no file")
	}
	return v.writeBlobs(func(tx *sql.Tx, b *blobBatch) error {
		if err := checkLive(tx, "materials", ver.MaterialID); err != nil {
			return err
		}
		return v.insertVersion(ctx, tx, b, ver, r)
	})
}

func (v *Vault) insertVersion(ctx context.Context, tx *sql.Tx, b *blobBatch, ver *model.MaterialVersion, r io.Reader) error {
	err := tx.QueryRow(`SELECT m.meeting_id, coalesce(max(mv.version), 0) + 1 FROM materials m
		LEFT JOIN material_versions mv ON mv.material_id = m.id WHERE m.id = ?`,
		ver.MaterialID).Scan(&ver.MeetingID, &ver.Version)
	if err != nil {
		return err
	}
	if r == nil {
		err := tx.QueryRow(`SELECT name, media_type, size, sha256 FROM documents
			WHERE id = ? AND deleted = 0`, ver.DocumentID).Scan(&ver.Name, &ver.MediaType, &ver.Size, &ver.SHA256)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
	} else {
		ver.DocumentID = ""
		ver.SHA256, ver.Size, err = b.store(ctx, tx, r, nil)
		if err != nil {
			return err
		}
		if ver.Size == 0 {
			return invalid(FieldMaterialFile, "the file is empty")
		}
	}
	if ver.Name == "" {
		return invalid(FieldMaterialFile, "the file has no name")
	}
	if ver.MediaType == "" {
		ver.MediaType = MediaTypeOf(ver.Name)
	}
	ver.AppraisedOn, ver.AppraisedBy, ver.LateReason = model.Date{}, "", ""
	v.stamp(&ver.Record)
	_, err = tx.Exec(`INSERT INTO material_versions (id, meeting_id, material_id, version, name,
		media_type, size, sha256, document_id, created_at, updated_at, workstation)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ver.ID, ver.MeetingID, ver.MaterialID, ver.Version, ver.Name, ver.MediaType, ver.Size,
		ver.SHA256, ver.DocumentID, formatTime(ver.CreatedAt), ver.UpdatedAt.String(), ver.Workstation)
	return err
}

// AppraiseVersion records that a version was appraised on a day by a
// person, with the reason when that was after the distribution deadline
// (the caller judges lateness). An appraised version is never appraised
// again: ErrAlreadyAppraised.
func (v *Vault) AppraiseVersion(id string, on model.Date, by, lateReason string) error {
	by, lateReason = model.Normalize(by), model.Normalize(lateReason)
	if on.IsZero() {
		return invalid(FieldAppraisedOn, "the appraisal has no date")
	}
	return v.write(func(tx *sql.Tx) error {
		var appraised string
		err := tx.QueryRow(`SELECT appraised_on FROM material_versions WHERE id = ? AND deleted = 0`,
			id).Scan(&appraised)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if appraised != "" {
			return ErrAlreadyAppraised
		}
		_, err = tx.Exec(`UPDATE material_versions SET appraised_on = ?, appraised_by = ?,
			late_reason = ?, updated_at = ?, workstation = ? WHERE id = ?`,
			on.String(), by, lateReason, v.clock.Now().String(), v.workstation, id)
		return err
	})
}

// DeleteMaterial marks a material and its versions deleted. The
// distribution record keeps its rows.
func (v *Vault) DeleteMaterial(id string) error {
	return v.write(func(tx *sql.Tx) error {
		h := v.clock.Now().String()
		err := expectRow(tx.Exec(`UPDATE materials SET deleted = 1, updated_at = ?, workstation = ?
			WHERE id = ? AND deleted = 0`, h, v.workstation, id))
		if err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE material_versions SET deleted = 1, updated_at = ?, workstation = ?
			WHERE material_id = ? AND deleted = 0`, h, v.workstation, id)
		return err
	})
}

// Materials returns the live materials of a meeting, by agenda order and
// then creation, each with its live versions.
func (v *Vault) Materials(meetingID string) ([]MaterialFile, error) {
	var out []MaterialFile
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT m.id, m.meeting_id, m.item_id, m.title, m.classification,
			m.created_at, m.updated_at, m.workstation FROM materials m
			JOIN agenda_items a ON a.id = m.item_id
			WHERE m.meeting_id = ? AND m.deleted = 0 ORDER BY a.position, m.created_at, m.id`, meetingID)
		if err != nil {
			return err
		}
		index := map[string]int{}
		for rows.Next() {
			var f MaterialFile
			var created, updated string
			err := rows.Scan(&f.ID, &f.MeetingID, &f.ItemID, &f.Title, &f.Classification,
				&created, &updated, &f.Workstation)
			if err != nil {
				rows.Close()
				return err
			}
			f.CreatedAt = parseTime(created)
			f.UpdatedAt, _ = model.ParseHLC(updated)
			index[f.ID] = len(out)
			out = append(out, f)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		versions, err := meetingVersions(db, meetingID)
		for _, ver := range versions {
			if i, ok := index[ver.MaterialID]; ok {
				out[i].Versions = append(out[i].Versions, ver)
			}
		}
		return err
	})
	return out, err
}

func meetingVersions(db *sql.DB, meetingID string) ([]model.MaterialVersion, error) {
	rows, err := db.Query(`SELECT id, meeting_id, material_id, version, name, media_type, size,
		sha256, document_id, appraised_on, appraised_by, late_reason, created_at, updated_at,
		workstation FROM material_versions WHERE meeting_id = ? AND deleted = 0
		ORDER BY material_id, version`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.MaterialVersion
	for rows.Next() {
		var ver model.MaterialVersion
		var appraised, created, updated string
		err := rows.Scan(&ver.ID, &ver.MeetingID, &ver.MaterialID, &ver.Version, &ver.Name,
			&ver.MediaType, &ver.Size, &ver.SHA256, &ver.DocumentID, &appraised, &ver.AppraisedBy,
			&ver.LateReason, &created, &updated, &ver.Workstation)
		if err != nil {
			return nil, err
		}
		ver.AppraisedOn, ver.CreatedAt = parseDate(appraised), parseTime(created)
		ver.UpdatedAt, _ = model.ParseHLC(updated)
		out = append(out, ver)
	}
	return out, rows.Err()
}

// WriteMaterialVersion copies the file of a version to w as
// WriteDocument does, with the same errors.
func (v *Vault) WriteMaterialVersion(id string, w io.Writer) error {
	var sum string
	var size int64
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT sha256, size FROM material_versions WHERE id = ? AND deleted = 0`,
			id).Scan(&sum, &size)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return v.copyBlob(sum, size, w)
}
