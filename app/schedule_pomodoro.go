package app

import (
	"sync"
	"time"

	"sotay/model"
)

// TimerState is a snapshot of the timer for its controls.
type TimerState struct {
	Phase     model.PomodoroPhase
	Paused    bool
	Remaining time.Duration
	WorkCount int
	Config    model.PomodoroConfig
	TaskKind  model.LinkKind
	TaskID    string
	// Pending counts finished sessions not yet saved to the vault.
	Pending int
}

// Timer runs a Pomodoro cycle. It lives outside any Session, so that it
// keeps running while the vault is locked: the sessions that end then
// wait in memory (times and a task id only, nothing decrypted) until
// Save is called on the next unlock. It is safe for use by several
// goroutines.
type Timer struct {
	mu      sync.Mutex
	p       *model.Pomodoro
	now     func() time.Time
	pending []model.PomodoroSession
	// onEnd is called, without the lock held, with each phase that ran
	// to its end.
	onEnd func(model.PomodoroPhase)
	stop  chan struct{}
}

// NewTimer returns an idle timer with the lengths of c that reads time
// from now (time.Now when nil).
func NewTimer(c model.PomodoroConfig, now func() time.Time) *Timer {
	if now == nil {
		now = time.Now
	}
	return &Timer{p: model.NewPomodoro(c), now: now}
}

// OnEnd sets the function called with each phase that runs to its end,
// on the goroutine that noticed it.
func (t *Timer) OnEnd(fn func(model.PomodoroPhase)) {
	t.mu.Lock()
	t.onEnd = fn
	t.mu.Unlock()
}

// Run checks the timer every interval on a new goroutine until Close.
func (t *Timer) Run(interval time.Duration) {
	t.mu.Lock()
	if t.stop != nil {
		t.mu.Unlock()
		return
	}
	t.stop = make(chan struct{})
	stop := t.stop
	t.mu.Unlock()
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				t.Tick()
			}
		}
	}()
}

// Close stops the goroutine of Run.
func (t *Timer) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stop != nil {
		close(t.stop)
		t.stop = nil
	}
}

// change runs fn on the state and keeps the sessions it returns.
func (t *Timer) change(fn func(p *model.Pomodoro, now time.Time) []model.PomodoroSession) {
	t.mu.Lock()
	done := fn(t.p, t.now())
	t.pending = append(t.pending, done...)
	onEnd := t.onEnd
	t.mu.Unlock()
	if onEnd == nil {
		return
	}
	for _, s := range done {
		if s.Completed {
			onEnd(s.Phase)
		}
	}
}

// Tick finishes the phases whose time is up.
func (t *Timer) Tick() { t.change((*model.Pomodoro).Tick) }

// Start begins a work session or resumes a paused one.
func (t *Timer) Start() {
	t.change(func(p *model.Pomodoro, now time.Time) []model.PomodoroSession {
		done := p.Tick(now)
		p.Start(now)
		return done
	})
}

// Pause stops the clock of the running phase.
func (t *Timer) Pause() {
	t.change(func(p *model.Pomodoro, now time.Time) []model.PomodoroSession {
		done := p.Tick(now)
		p.Pause(now)
		return done
	})
}

// Skip ends the current phase and begins the next.
func (t *Timer) Skip() { t.change((*model.Pomodoro).Skip) }

// Stop ends the cycle; work done so far is kept as an unfinished
// session.
func (t *Timer) Stop() { t.change((*model.Pomodoro).Stop) }

// SetTask links the following work sessions to a task or to-do.
func (t *Timer) SetTask(kind model.LinkKind, id string) {
	t.mu.Lock()
	t.p.TaskKind, t.p.TaskID = kind, id
	t.mu.Unlock()
}

// SetConfig changes the lengths; the phase being timed keeps its start.
func (t *Timer) SetConfig(c model.PomodoroConfig) error {
	if err := c.Validate(); err != nil {
		return err
	}
	t.mu.Lock()
	t.p.Config = c
	t.mu.Unlock()
	return nil
}

// State returns what the controls show.
func (t *Timer) State() TimerState {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	return TimerState{
		Phase:     t.p.Phase(),
		Paused:    t.p.Paused(),
		Remaining: t.p.Remaining(now),
		WorkCount: t.p.WorkCount(),
		Config:    t.p.Config,
		TaskKind:  t.p.TaskKind,
		TaskID:    t.p.TaskID,
		Pending:   len(t.pending),
	}
}

// Save logs the finished sessions in s. On failure (a locked vault,
// a full disk) they stay pending for the next call.
func (t *Timer) Save(s *Session) error {
	t.mu.Lock()
	pending := t.pending
	t.pending = nil
	t.mu.Unlock()
	if len(pending) == 0 {
		return nil
	}
	if err := s.AddPomodoroSessions(pending); err != nil {
		t.mu.Lock()
		t.pending = append(pending, t.pending...)
		t.mu.Unlock()
		return err
	}
	return nil
}
