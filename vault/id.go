package vault

import "github.com/google/uuid"

// newID returns a UUIDv7: time-ordered, so that records of one workstation
// sort by creation and index pages fill in order.
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
