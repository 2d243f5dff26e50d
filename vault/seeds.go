package vault

import (
	"database/sql"
	"time"

	"github.com/google/uuid"

	"sotay/model"
)

// Seeded defaults are the rows a screen stores the first time it opens:
// the report rules, the reports a rule gives for each period, the
// starter KPIs, the document templates and the handbook. Every vault
// writes such a row with the same id, derived from a key of the default
// (a rule's code, a template's form name), with the zero clock value and
// with seedWorkstation. Two vaults that seeded the same default therefore
// hold one record, and a bundle merges it by id instead of adding a copy.
// An edit stamps a real clock value and workstation, so it wins over the
// unchanged default of the other vault.

// seedNamespace is the UUID namespace of the ids of seeded defaults.
var seedNamespace = uuid.MustParse("4e757dd5-ddc2-42b9-940a-ca2fc36af675")

// seedWorkstation is the workstation of a seeded default that no one has
// changed. No vault has this id, so such a row is never taken for a
// change made on this workstation.
const seedWorkstation = "sotay-defaults"

// seedClock is the clock value of an unchanged seeded default. It is the
// lowest HLC value, so every real change sorts after it.
var seedClock = model.HLC{}

// seedID returns the id of the default with key, the same in every
// vault.
func seedID(key string) string { return uuid.NewSHA1(seedNamespace, []byte(key)).String() }

// stampSeed fills the identity of a seeded default with key.
func stampSeed(r *model.Record, key string) {
	r.ID = seedID(key)
	r.CreatedAt = time.Now().UTC().Truncate(time.Second)
	r.UpdatedAt = seedClock
	r.Workstation = seedWorkstation
}

// untouchedSeed is the SQL condition of a seeded default no one changed.
var untouchedSeed = `(workstation = '` + seedWorkstation + `' AND updated_at = '` + seedClock.String() + `')`

// markSeedsSeen records that this vault has seen the changes of
// seedWorkstation up to seedClock, which is true of every vault because
// the program carries the defaults. The import's merge rule calls two
// versions a conflict when neither vault had seen the other's clock value
// from that version's workstation (exchange_seen). Without this row an
// edited default meeting the unchanged one would be such a conflict.
func markSeedsSeen(tx *sql.Tx) error {
	_, err := tx.Exec(`INSERT INTO exchange_seen (workstation, last_hlc) VALUES (?, ?)
		ON CONFLICT (workstation) DO NOTHING`, seedWorkstation, seedClock.String())
	return err
}

// tableEmpty reports whether table has no row, live or deleted.
func tableEmpty(tx *sql.Tx, table string) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
	return n == 0, err
}

// seedTable describes a table of seeded defaults for dropShadowedSeeds.
type seedTable struct {
	name string
	// key is the SQL expression of a row's natural key, such as a rule's
	// code. Two live rows with the same key are copies of one default.
	key string
	// refs are the columns of other tables that hold the id of a row of
	// this table.
	refs []seedRef
}

type seedRef struct{ table, column string }

// dropShadowedSeeds removes each unchanged seeded default of t whose key
// another live row also has, when that row is not a default itself
// (its id is not in defaultIDs). Such a row comes from a vault that gave
// its defaults random ids, as every vault did before seeded ids were
// derived from keys, and a restore of its backup adds it beside the
// default seeded here. The unchanged default holds nothing the user
// typed, so it goes. Rows of refs that refer to it go with it when they
// are unchanged defaults too (the reports of a rule). A default that any
// other row refers to stays, with its duplicate.
//
// NOTE: a row the user made with the key of an unchanged default (a rule
// of their own with code BC-THANG) also drops that default.
func dropShadowedSeeds(tx *sql.Tx, t seedTable, defaultIDs []string) error {
	isDefault := map[string]bool{}
	for _, id := range defaultIDs {
		isDefault[id] = true
	}

	rows, err := tx.Query(`SELECT id, ` + t.key + `, ` + untouchedSeed + ` FROM ` + t.name + ` WHERE deleted = 0`)
	if err != nil {
		return err
	}
	type row struct {
		id, key   string
		untouched bool
	}

	var live []row
	shadowed := map[string]bool{}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.key, &r.untouched); err != nil {
			rows.Close()
			return err
		}
		live = append(live, r)
		if !r.untouched && !isDefault[r.id] {
			shadowed[r.key] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	for _, r := range live {
		if r.untouched && shadowed[r.key] {
			if err := dropSeed(tx, t, r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// dropSeed deletes the seeded default id of t and the unchanged
// defaults of refs that refer to it, unless a changed row refers to it.
func dropSeed(tx *sql.Tx, t seedTable, id string) error {
	for _, ref := range t.refs {
		var n int
		err := tx.QueryRow(`SELECT count(*) FROM `+ref.table+` WHERE `+ref.column+` = ? AND NOT `+
			untouchedSeed, id).Scan(&n)
		if err != nil || n > 0 {
			return err
		}
	}

	for _, ref := range t.refs {
		if _, err := tx.Exec(`DELETE FROM `+ref.table+` WHERE `+ref.column+` = ?`, id); err != nil {
			return err
		}
	}
	_, err := tx.Exec(`DELETE FROM `+t.name+` WHERE id = ?`, id)
	return err
}
