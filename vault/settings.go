package vault

import (
	"database/sql"
	"errors"
)

// Setting returns the value of a vault setting, or def when it is unset.
func (v *Vault) Setting(key, def string) (string, error) {
	var s string
	err := v.read(func(db *sql.DB) error {
		return db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&s)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	return s, err
}

// SetSetting stores a vault setting.
func (v *Vault) SetSetting(key, value string) error {
	return v.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
