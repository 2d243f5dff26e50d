package vault

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"

	sqlcipher "github.com/mutecomm/go-sqlcipher/v4"
)

// connectionPragmas run on every new connection, after the key. The
// driver's DSN keys each connection itself; these settings are per
// connection too, so the pool cannot hand out one without them.
var connectionPragmas = []string{
	"PRAGMA temp_store = MEMORY",
	"PRAGMA secure_delete = ON",
	"PRAGMA foreign_keys = ON",
	"PRAGMA cache_size = -65536", // 64 MiB: keyed page reads cost tens of µs each
	"PRAGMA busy_timeout = 10000",
	// SQLCipher 4.4.2 locks (mlock) and wipes every allocation by default,
	// two system calls each, about a third of a bulk import's time. It
	// does not keep case text out of swap, because the same text is in the
	// Go heap, which is never locked. Only encrypted swap or disk
	// encryption on the workstation does that. SQLCipher 4.5.0 turned it
	// off by default too.
	"PRAGMA cipher_memory_security = OFF",
}

// poolSize is the number of connections the pool keeps open.
const poolSize = 4

// connector opens keyed SQLCipher connections for database/sql. It keeps
// the driver private to the vault, so that no other package can open the
// database by name.
type connector struct {
	dsn string
	drv *sqlcipher.SQLiteDriver
}

func newConnector(path string, key []byte) *connector {
	q := url.Values{}
	if len(key) > 0 {
		q.Set("_pragma_key", "x'"+strings.ToUpper(hex.EncodeToString(key))+"'")
	}
	q.Set("_pragma_cipher_page_size", "4096")
	c := &connector{dsn: "file:" + url.PathEscape(path) + "?" + q.Encode()}
	c.drv = &sqlcipher.SQLiteDriver{ConnectHook: func(conn *sqlcipher.SQLiteConn) error {
		for _, p := range connectionPragmas {
			if _, err := conn.Exec(p, nil); err != nil {
				return err
			}
		}
		return nil
	}}
	return c
}

func (c *connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }
func (c *connector) Driver() driver.Driver                        { return c.drv }

var sqliteMagic = []byte("SQLite format 3\x00")

// checkNotPlaintext fails closed when path starts with the SQLite header,
// which an encrypted database never does.
func checkNotPlaintext(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil
		}
		return err
	}
	if bytes.Equal(head, sqliteMagic) {
		return ErrNotEncrypted
	}
	return nil
}

// openDB opens the database at path with key on a pool of one
// connection, probes the key, migrates, checks integrity and only then
// widens the pool and runs the self-test.
func openDB(ctx context.Context, path string, key []byte, creating bool) (*sql.DB, error) {
	db := sql.OpenDB(newConnector(path, key))
	db.SetMaxOpenConns(1)
	if err := prepareDB(ctx, db, creating); err != nil {
		db.Close()
		return nil, err
	}
	db.SetMaxOpenConns(poolSize)
	db.SetMaxIdleConns(poolSize)
	if err := selfTest(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func prepareDB(ctx context.Context, db *sql.DB, creating bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return classifyOpenError(err)
	}
	defer conn.Close()

	var cipher string
	if err := conn.QueryRowContext(ctx, "PRAGMA cipher_version").Scan(&cipher); err != nil || cipher == "" {
		return fmt.Errorf("%w: the SQLite driver has no SQLCipher codec", ErrNotEncrypted)
	}
	// Probe the key: SQLCipher accepts any key until the first read.
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return classifyOpenError(err)
	}
	if creating {
		if _, err := conn.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
			return err
		}
	}
	if err := migrate(ctx, conn); err != nil {
		return classifyOpenError(err)
	}
	if !creating {
		if err := integrityCheck(ctx, conn); err != nil {
			return err
		}
	}
	return nil
}

// integrityCheck runs SQLCipher's page HMAC check over the whole file and
// SQLite's quick check of the b-trees.
func integrityCheck(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, "PRAGMA cipher_integrity_check")
	if err != nil {
		return classifyOpenError(err)
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return classifyOpenError(err)
		}
		problems = append(problems, s)
	}
	if err := rows.Err(); err != nil {
		return classifyOpenError(err)
	}
	rows.Close()
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrDatabaseDamaged, strings.Join(problems, "; "))
	}
	var ok string
	if err := conn.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&ok); err != nil {
		return classifyOpenError(err)
	}
	if ok != "ok" {
		return fmt.Errorf("%w: %s", ErrDatabaseDamaged, ok)
	}
	return nil
}

// classifyOpenError maps the driver's "not a database" and corruption
// codes to ErrDatabaseDamaged. The key was already verified by the key
// file's AEAD, so such an error means the file itself is damaged.
func classifyOpenError(err error) error {
	var se sqlcipher.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlcipher.ErrNotADB, sqlcipher.ErrCorrupt:
			return fmt.Errorf("%w: %v", ErrDatabaseDamaged, err)
		}
	}
	return err
}

// selfTest reads sqlite_master and temp_store on several pooled
// connections at once, so that a connection opened without the key or
// without in-memory temporary storage is caught at start-up. It returns
// the first connection, which ran the integrity check and holds the
// decrypted pages in its cache, to the pool last: database/sql hands out
// the most recently returned idle connection first.
func selfTest(ctx context.Context, db *sql.DB) error {
	conns := make([]*sql.Conn, poolSize)
	defer func() {
		for _, c := range slices.Backward(conns) {
			if c != nil {
				c.Close()
			}
		}
	}()
	for i := range conns {
		c, err := db.Conn(ctx)
		if err != nil {
			return classifyOpenError(err)
		}
		conns[i] = c
	}
	errs := make([]error, len(conns))
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = probeConn(ctx, c)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func probeConn(ctx context.Context, c *sql.Conn) error {
	var n, temp int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return classifyOpenError(err)
	}
	if err := c.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return err
	}
	if temp != 2 {
		return fmt.Errorf("self-test: temp_store is %d on a pooled connection, want 2 (memory)", temp)
	}
	return nil
}
