package workday

import "sotay/model"

// AddWorkingDays returns the n-th working day after d, or before d when n
// is negative. d itself is not counted, and need not be a working day. For
// n = 0 it returns d.
func (c *Calendar) AddWorkingDays(d model.Date, n int) model.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// LastWorkingDayOnOrBefore returns d when it is a working day, else the
// last working day before it.
func (c *Calendar) LastWorkingDayOnOrBefore(d model.Date) model.Date {
	for !c.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// DistributionDeadline returns the last day on which the materials of a
// meeting may be sent to the members, n days before the meeting, and the
// practical deadline, the working day by which the secretary must send
// them. Materials sent on the deadline itself are on time, and the
// meeting day is never counted.
//
// In calendar-day mode (working false) the deadline is meeting minus n
// calendar days, and the practical deadline is the last working day on or
// before it. In working-day mode the deadline is the n-th working day
// before the meeting, AddWorkingDays(meeting, -n), so that n-1 working
// days lie strictly between the two, and the practical deadline is the
// same day. A negative n counts as 0, which makes the meeting day itself
// the deadline.
func (c *Calendar) DistributionDeadline(meeting model.Date, n int, working bool) (deadline, practical model.Date) {
	n = max(n, 0)
	if working {
		deadline = c.AddWorkingDays(meeting, -n)
		return deadline, deadline
	}
	deadline = meeting.AddDays(-n)
	return deadline, c.LastWorkingDayOnOrBefore(deadline)
}
