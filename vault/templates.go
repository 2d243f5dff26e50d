package vault

import (
	"database/sql"
	"errors"
	"fmt"

	"sotay/model"
)

// ErrNoTemplate is returned for a form name no live template has.
var ErrNoTemplate = errors.New("no template with this form name")

// SaveTemplate stores a new template or updates one. Form names are
// unique among live templates.
func (v *Vault) SaveTemplate(t *model.DocTemplate) error {
	for _, s := range []*string{&t.Form, &t.Name, &t.Type, &t.Title, &t.Body, &t.Recipients} {
		*s = model.Normalize(*s)
	}
	if t.Form == "" || t.Name == "" || t.Type == "" {
		return invalid(FieldName, "the template needs a form name, a name and a document type")
	}
	return v.write(func(tx *sql.Tx) error { return v.saveTemplate(tx, t) })
}

func (v *Vault) saveTemplate(tx *sql.Tx, t *model.DocTemplate) error {
	var other string
	err := tx.QueryRow(`SELECT id FROM doc_templates WHERE form = ? AND deleted = 0 AND id != ?`, t.Form, t.ID).Scan(&other)
	if err == nil {
		return invalid(FieldCode, fmt.Sprintf("the form name %s is already used", t.Form))
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	isNew := t.ID == ""
	v.stamp(&t.Record)
	if isNew {
		return insertTemplate(tx, t)
	}
	return expectRow(tx.Exec(`UPDATE doc_templates SET form = ?, name = ?, doc_type = ?, title = ?,
		body = ?, recipients = ?, updated_at = ?, workstation = ? WHERE id = ? AND deleted = 0`,
		t.Form, t.Name, t.Type, t.Title, t.Body, t.Recipients, t.UpdatedAt.String(), t.Workstation, t.ID))
}

func insertTemplate(tx *sql.Tx, t *model.DocTemplate) error {
	_, err := tx.Exec(`INSERT INTO doc_templates (id, form, name, doc_type, title, body, recipients,
		created_at, updated_at, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.Form, t.Name, t.Type, t.Title, t.Body, t.Recipients, formatTime(t.CreatedAt),
		t.UpdatedAt.String(), t.Workstation)
	return err
}

// templateSeeds are the seeded templates, keyed by form name.
var templateSeeds = seedTable{name: "doc_templates", key: "form"}

func templateSeedKey(form string) string { return "doc-template:" + form }

// SeedTemplates stores ts as seeded defaults when the vault has no
// template yet, live or deleted. In a vault that has templates it drops
// the unchanged defaults that templates from an older backup duplicate
// (see dropShadowedSeeds).
func (v *Vault) SeedTemplates(ts []model.DocTemplate) error {
	return v.write(func(tx *sql.Tx) error {
		empty, err := tableEmpty(tx, "doc_templates")
		if err != nil {
			return err
		}
		if !empty {
			ids := make([]string, len(ts))
			for i, t := range ts {
				ids[i] = seedID(templateSeedKey(t.Form))
			}
			return dropShadowedSeeds(tx, templateSeeds, ids)
		}
		for i := range ts {
			stampSeed(&ts[i].Record, templateSeedKey(ts[i].Form))
			if err := insertTemplate(tx, &ts[i]); err != nil {
				return err
			}
		}
		return markSeedsSeen(tx)
	})
}

// Templates returns the live templates by form name.
func (v *Vault) Templates() ([]model.DocTemplate, error) {
	var out []model.DocTemplate
	err := v.read(func(db *sql.DB) error {
		return scanEach(db, func(rows *sql.Rows) error {
			var t model.DocTemplate
			if err := rows.Scan(&t.ID, &t.Form, &t.Name, &t.Type, &t.Title, &t.Body, &t.Recipients); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		}, `SELECT id, form, name, doc_type, title, body, recipients FROM doc_templates
			WHERE deleted = 0 ORDER BY created_at, form`)
	})
	return out, err
}

// Template returns the live template of form, or ErrNoTemplate.
func (v *Vault) Template(form string) (model.DocTemplate, error) {
	ts, err := v.Templates()
	if err != nil {
		return model.DocTemplate{}, err
	}
	form = model.Normalize(form)
	for _, t := range ts {
		if t.Form == form {
			return t, nil
		}
	}
	return model.DocTemplate{}, fmt.Errorf("%w: %s", ErrNoTemplate, form)
}
