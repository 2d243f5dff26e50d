package vault

import (
	"database/sql"
	"testing"
)

func TestConnectionPragmasApplied(t *testing.T) {
	v, _ := newTestVault(t)
	checks := []struct{ pragma, want string }{
		{"PRAGMA cipher_memory_security", "0"},
		{"PRAGMA secure_delete", "1"},
		{"PRAGMA temp_store", "2"},
		{"PRAGMA foreign_keys", "1"},
	}
	for _, c := range checks {
		var got string
		err := v.read(func(db *sql.DB) error { return db.QueryRow(c.pragma).Scan(&got) })
		if err != nil {
			t.Errorf("%s: %v", c.pragma, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s = %s, want %s", c.pragma, got, c.want)
		}
	}
}
