package app

import "errors"

// ErrXLSXTarget is returned when an export cannot write its target: the
// file is open in another program or the folder is not writable.
var ErrXLSXTarget = errors.New("spreadsheet target cannot be written")
