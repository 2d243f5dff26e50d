package vault

import "database/sql"

// VersionRef names one version of a material for the distribution
// record, which outlives a deleted material. Deleted is set when the
// material or the version carries a deletion mark.
type VersionRef struct {
	ID         string
	MaterialID string
	Title      string // the material's title
	Version    int
	Name       string // the file name
	Deleted    bool
}

// VersionRefs returns every version of a meeting's materials by id,
// deleted ones included, so that the record can still name what was
// sent of a material deleted since.
func (v *Vault) VersionRefs(meetingID string) (map[string]VersionRef, error) {
	out := map[string]VersionRef{}
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT v.id, v.material_id, m.title, v.version, v.name,
			v.deleted != 0 OR m.deleted != 0 FROM material_versions v
			JOIN materials m ON m.id = v.material_id WHERE v.meeting_id = ?`, meetingID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r VersionRef
			if err := rows.Scan(&r.ID, &r.MaterialID, &r.Title, &r.Version, &r.Name, &r.Deleted); err != nil {
				return err
			}
			out[r.ID] = r
		}
		return rows.Err()
	})
	return out, err
}
