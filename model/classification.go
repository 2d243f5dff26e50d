package model

// Classification is a state-secret level, lowest first, so that levels
// compare with < and >.
type Classification int

// The classification levels.
const (
	Unclassified Classification = iota
	Confidential                // Mật
	Secret                      // Tối mật
	TopSecret                   // Tuyệt mật
)

// Classifications lists every level, lowest first.
var Classifications = []Classification{Unclassified, Confidential, Secret, TopSecret}

// Valid reports whether c is a known level.
func (c Classification) Valid() bool { return c >= Unclassified && c <= TopSecret }

// Mark returns the stamp printed on a classified record ("MẬT", "TỐI MẬT",
// "TUYỆT MẬT"), or "" when c is Unclassified. The stamp is the same in
// every language because the law fixes it.
func (c Classification) Mark() string {
	switch c {
	case Confidential:
		return "MẬT"
	case Secret:
		return "TỐI MẬT"
	case TopSecret:
		return "TUYỆT MẬT"
	}
	return ""
}
