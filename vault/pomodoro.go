package vault

import (
	"database/sql"
	"time"

	"sotay/model"
)

// AddPomodoroSessions logs sessions in one transaction. The timer keeps
// sessions that end while the vault is locked and logs them here on
// unlock.
func (v *Vault) AddPomodoroSessions(sessions []model.PomodoroSession) error {
	if len(sessions) == 0 {
		return nil
	}
	return v.write(func(tx *sql.Tx) error {
		for i := range sessions {
			s := &sessions[i]
			v.stamp(&s.Record)
			_, err := tx.Exec(`INSERT INTO pomodoro_sessions (id, task_kind, task_id, phase,
				started_at, ended_at, seconds, completed, created_at, updated_at, workstation)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				s.ID, string(s.TaskKind), s.TaskID, string(s.Phase), formatTime(s.StartedAt),
				formatTime(s.EndedAt), int64(s.Worked/time.Second), boolInt(s.Completed),
				formatTime(s.CreatedAt), s.UpdatedAt.String(), s.Workstation)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// PomodoroSessions returns the live sessions that started in [from, to),
// earliest first.
func (v *Vault) PomodoroSessions(from, to time.Time) ([]model.PomodoroSession, error) {
	var out []model.PomodoroSession
	err := v.read(func(db *sql.DB) error {
		rows, err := db.Query(`SELECT id, task_kind, task_id, phase, started_at, ended_at,
			seconds, completed FROM pomodoro_sessions
			WHERE deleted = 0 AND started_at >= ? AND started_at < ? ORDER BY started_at`,
			formatTime(from), formatTime(to))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s model.PomodoroSession
			var kind, phase, started, ended string
			var seconds int64
			err := rows.Scan(&s.ID, &kind, &s.TaskID, &phase, &started, &ended, &seconds, &s.Completed)
			if err != nil {
				return err
			}
			s.TaskKind, s.Phase = model.LinkKind(kind), model.PomodoroPhase(phase)
			s.StartedAt, s.EndedAt = parseTime(started), parseTime(ended)
			s.Worked = time.Duration(seconds) * time.Second
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
