package vault

import (
	"database/sql"
	"errors"
)

// sqlRunner runs SQL inside one transaction: a *sql.Tx, or a stmtCache
// over one.
type sqlRunner interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// stmtCache prepares each SQL text once per transaction and reuses the
// statement. An import runs the same few texts for every row, and
// preparing them anew took a third of its CPU time. The texts must come
// from the code and never from the data, which goes in as arguments.
// Statements close with the transaction, or earlier with close.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) prepare(query string) (*sql.Stmt, error) {
	if s, ok := c.stmts[query]; ok {
		return s, nil
	}
	s, err := c.tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = s
	return s, nil
}

func (c *stmtCache) Exec(query string, args ...any) (sql.Result, error) {
	s, err := c.prepare(query)
	if err != nil {
		return nil, err
	}
	return s.Exec(args...)
}

func (c *stmtCache) Query(query string, args ...any) (*sql.Rows, error) {
	s, err := c.prepare(query)
	if err != nil {
		return nil, err
	}
	return s.Query(args...)
}

// QueryRow runs a cached statement. When the text does not prepare, it
// runs the text on the transaction instead, so that the returned row
// carries the same error as an unprepared query would.
func (c *stmtCache) QueryRow(query string, args ...any) *sql.Row {
	s, err := c.prepare(query)
	if err != nil {
		return c.tx.QueryRow(query, args...)
	}
	return s.QueryRow(args...)
}

// close closes every statement and returns their errors joined.
func (c *stmtCache) close() error {
	var errs []error
	for q, s := range c.stmts {
		errs = append(errs, s.Close())
		delete(c.stmts, q)
	}
	return errors.Join(errs...)
}
