// Package model holds the domain types of Sổ tay Kiểm tra and the pure
// rules over them: case kinds and phases, task templates, classification
// levels, record identity and Vietnamese text folding for search.
//
// The package does no I/O and imports nothing else of this project, so
// every rule is tested without a database or a window.
package model
