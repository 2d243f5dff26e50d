package vault

import (
	"database/sql"
	"testing"

	"sotay/assets"
)

// The conflict cards of the exchange screen name each changed column and
// the table of the record. Every table a bundle carries and every column
// of it, except the bookkeeping ones the cards leave out, needs those
// names in both languages, or the card shows "value" or "period_start".
func TestBundleColumnsHaveLabels(t *testing.T) {
	v, _ := newTestVault(t)
	bookkeeping := map[string]bool{"id": true, "created_at": true, "updated_at": true, "workstation": true}
	for _, lang := range assets.Languages {
		cat := assets.NewCatalog(lang)
		for _, table := range recordTables {
			if !cat.Has("exchange.table." + table.name) {
				t.Errorf("%s: no name for the table %s", lang, table.name)
			}
			var columns []string
			err := v.read(func(db *sql.DB) error {
				var err error
				columns, err = tableColumns(db, table.name)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(columns) == 0 {
				t.Fatalf("no columns read for %s", table.name)
			}
			for _, col := range columns {
				if !bookkeeping[col] && !cat.Has("exchange.field."+col) {
					t.Errorf("%s: no name for the column %s.%s", lang, table.name, col)
				}
			}
		}
	}
}
