package model

import (
	"errors"
	"time"
)

// PomodoroPhase is a phase of the Pomodoro cycle: work or a break.
type PomodoroPhase string

// The phases of a Pomodoro cycle.
const (
	PhaseIdle       PomodoroPhase = ""
	PhaseWork       PomodoroPhase = "work"
	PhaseShortBreak PomodoroPhase = "short_break"
	PhaseLongBreak  PomodoroPhase = "long_break"
)

// PomodoroConfig sets the lengths of a Pomodoro cycle.
type PomodoroConfig struct {
	Work       time.Duration
	ShortBreak time.Duration
	LongBreak  time.Duration
	// LongEvery is the number of work sessions before a long break.
	LongEvery int
}

// DefaultPomodoro is 25 minutes of work, 5 minutes of rest, and a long
// break of 15 minutes after every 4 work sessions.
var DefaultPomodoro = PomodoroConfig{
	Work:       25 * time.Minute,
	ShortBreak: 5 * time.Minute,
	LongBreak:  15 * time.Minute,
	LongEvery:  4,
}

// ErrPomodoroConfig is returned by PomodoroConfig.Validate.
var ErrPomodoroConfig = errors.New("invalid Pomodoro lengths")

// Validate checks the lengths users may choose: work 5–90 minutes, short
// break 1–30, long break 15–30 (the recommended range), and a long break
// after 2–8 work sessions.
func (c PomodoroConfig) Validate() error {
	ok := c.Work >= 5*time.Minute && c.Work <= 90*time.Minute &&
		c.ShortBreak >= time.Minute && c.ShortBreak <= 30*time.Minute &&
		c.LongBreak >= 15*time.Minute && c.LongBreak <= 30*time.Minute &&
		c.LongEvery >= 2 && c.LongEvery <= 8
	if !ok {
		return ErrPomodoroConfig
	}
	return nil
}

// Pomodoro is the state of a Pomodoro timer. It reads no clock: every
// method takes the current time, so tests run a cycle in microseconds.
// It is not safe for use by several goroutines.
type Pomodoro struct {
	Config PomodoroConfig
	// TaskKind and TaskID name the task the work sessions count for.
	TaskKind LinkKind
	TaskID   string

	phase     PomodoroPhase
	started   time.Time     // when the phase began
	resumed   time.Time     // when the timer last started running
	ran       time.Duration // run time before resumed
	paused    bool
	workCount int // work sessions finished since the last long break
}

// NewPomodoro returns an idle timer with the lengths of c.
func NewPomodoro(c PomodoroConfig) *Pomodoro { return &Pomodoro{Config: c} }

// Phase returns the phase being timed, PhaseIdle when stopped.
func (p *Pomodoro) Phase() PomodoroPhase { return p.phase }

// Paused reports whether the timer is paused in a phase.
func (p *Pomodoro) Paused() bool { return p.paused }

// WorkCount returns the work sessions finished since the last long break.
func (p *Pomodoro) WorkCount() int { return p.workCount }

func (p *Pomodoro) length(ph PomodoroPhase) time.Duration {
	switch ph {
	case PhaseWork:
		return p.Config.Work
	case PhaseShortBreak:
		return p.Config.ShortBreak
	case PhaseLongBreak:
		return p.Config.LongBreak
	}
	return 0
}

// elapsed returns the run time of the current phase at now.
func (p *Pomodoro) elapsed(now time.Time) time.Duration {
	if p.paused || p.phase == PhaseIdle {
		return p.ran
	}
	return p.ran + now.Sub(p.resumed)
}

// Remaining returns the time left in the current phase at now.
func (p *Pomodoro) Remaining(now time.Time) time.Duration {
	return max(p.length(p.phase)-p.elapsed(now), 0)
}

// Start begins a work session, or resumes a paused phase. It does
// nothing while a phase is running.
func (p *Pomodoro) Start(now time.Time) {
	switch {
	case p.phase == PhaseIdle:
		p.begin(PhaseWork, now)
	case p.paused:
		p.paused = false
		p.resumed = now
	}
}

// Pause stops the clock of the running phase.
func (p *Pomodoro) Pause(now time.Time) {
	if p.phase == PhaseIdle || p.paused {
		return
	}
	p.ran = p.elapsed(now)
	p.paused = true
}

// Tick finishes the phases whose time ran out by now and returns their
// sessions, in order. A timer left running through a lock or a sleep
// catches up: each phase that fitted in the gap is finished, and the
// next begins where the last ended.
func (p *Pomodoro) Tick(now time.Time) []PomodoroSession {
	var done []PomodoroSession
	for p.phase != PhaseIdle && !p.paused {
		end := p.resumed.Add(p.length(p.phase) - p.ran)
		if now.Before(end) {
			break
		}
		done = append(done, p.finish(end, true))
	}
	return done
}

// Skip ends the current phase now, logs it as not completed when it is
// work, and moves to the next phase.
func (p *Pomodoro) Skip(now time.Time) []PomodoroSession {
	if p.phase == PhaseIdle {
		return nil
	}
	s := p.finish(now, false)
	if s.Phase != PhaseWork {
		return nil
	}
	return []PomodoroSession{s}
}

// Stop ends the cycle. A work session stopped after some work is
// returned as not completed, so that the time still counts.
func (p *Pomodoro) Stop(now time.Time) []PomodoroSession {
	if p.phase == PhaseIdle {
		return nil
	}
	s := p.session(now, false)
	p.phase, p.paused, p.ran, p.workCount = PhaseIdle, false, 0, 0
	if s.Phase != PhaseWork || s.Worked <= 0 {
		return nil
	}
	return []PomodoroSession{s}
}

// finish ends the current phase at end and begins the next one there.
func (p *Pomodoro) finish(end time.Time, completed bool) PomodoroSession {
	s := p.session(end, completed)
	next := PhaseWork
	if p.phase == PhaseWork {
		if completed {
			p.workCount++
		}
		next = PhaseShortBreak
		if p.workCount >= p.Config.LongEvery {
			next = PhaseLongBreak
		}
	}
	if p.phase == PhaseLongBreak {
		p.workCount = 0
	}
	p.begin(next, end)
	return s
}

func (p *Pomodoro) session(end time.Time, completed bool) PomodoroSession {
	s := PomodoroSession{
		Phase:     p.phase,
		StartedAt: p.started,
		EndedAt:   end,
		Worked:    p.elapsed(end),
		Completed: completed,
	}
	if s.Phase == PhaseWork {
		s.TaskKind, s.TaskID = p.TaskKind, p.TaskID
	}
	return s
}

func (p *Pomodoro) begin(ph PomodoroPhase, now time.Time) {
	p.phase, p.started, p.resumed, p.ran, p.paused = ph, now, now, 0, false
}
