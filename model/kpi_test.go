package model

import "testing"

func TestKPIGrades(t *testing.T) {
	share := KPI{Target: 80, Exceed: 95}
	days := KPI{Target: 60, Exceed: 45, LowerBetter: true}
	flat := KPI{Target: 100, Exceed: 100}
	tests := []struct {
		name string
		k    KPI
		v    float64
		want Grade
	}{
		{"share under target", share, 79.9, GradeNotAchieved},
		{"share on target", share, 80, GradeAchieved},
		{"share on exceed", share, 95, GradeExceeded},
		{"days over target", days, 61, GradeNotAchieved},
		{"days on target", days, 60, GradeAchieved},
		{"days under exceed", days, 30, GradeExceeded},
		{"equal target and exceed", flat, 100, GradeAchieved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.k.Grade(tt.v); got != tt.want {
				t.Errorf("Grade(%v) = %s, want %s", tt.v, got, tt.want)
			}
		})
	}
}

func TestGradeSeriesTrendSkipsNoData(t *testing.T) {
	k := KPI{Target: 60, Exceed: 45, LowerBetter: true}
	vs := []KPIValue{{Value: 70, Has: true}, {}, {Value: 50, Has: true}, {Value: 50, Has: true}}
	k.GradeSeries(vs)
	if vs[1].Grade != GradeNone || vs[1].Trend != TrendNone {
		t.Errorf("no-data period graded: %+v", vs[1])
	}
	if vs[2].Trend != TrendBetter || vs[2].Grade != GradeAchieved {
		t.Errorf("third = %+v, want better and achieved", vs[2])
	}
	if vs[3].Trend != TrendSame {
		t.Errorf("fourth trend = %s, want same", vs[3].Trend)
	}
}

func TestShareWithoutData(t *testing.T) {
	if _, ok := Share(0, 0); ok {
		t.Error("Share(0, 0) has data")
	}
	if v, ok := Share(1, 4); !ok || v != 25 {
		t.Errorf("Share(1, 4) = %v, %v", v, ok)
	}
}
