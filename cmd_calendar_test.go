package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// runCommand runs one of the calendar sub-commands and returns its exit
// code and output.
func runCommand(t *testing.T, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	switch name {
	case "deadline":
		code = runDeadline(args, &out, &errOut)
	case "calendar":
		code = runCalendar(args, &out, &errOut)
	case "lunar":
		code = runLunar(args, &out, &errOut)
	default:
		t.Fatalf("unknown command %q", name)
	}
	return code, out.String(), errOut.String()
}

func TestCalendarCommandsExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"deadline", []string{"--meeting", "2026-05-04"}, 0},
		{"deadline", []string{"--meeting", "2026-05-04", "--days", "0", "--working"}, 0},
		{"deadline", []string{"-h"}, 0},
		{"deadline", nil, 2},
		{"deadline", []string{"--meeting", "04/05/2026"}, 2},
		{"deadline", []string{"--meeting", "2026-05-04", "--days", "-1"}, 2},
		{"deadline", []string{"--meeting", "2026-05-04", "--format", "xml"}, 2},
		{"deadline", []string{"--meeting", "1850-05-04"}, 2},
		{"deadline", []string{"--meeting", "2026-05-04", "extra"}, 2},
		{"deadline", []string{"--bogus"}, 2},
		{"calendar", []string{"--year", "2026"}, 0},
		{"calendar", []string{"--year", "2030", "--format", "json"}, 0},
		{"calendar", nil, 2},
		{"calendar", []string{"--year", "2200"}, 2},
		{"calendar", []string{"--year", "abc"}, 2},
		{"lunar", []string{"2025-08-10"}, 0},
		{"lunar", []string{"2025-08-10", "--format", "json"}, 0},
		{"lunar", []string{"--to-solar", "17/6/leap/2025"}, 0},
		{"lunar", nil, 2},
		{"lunar", []string{"2025-08-10", "2025-08-11"}, 2},
		{"lunar", []string{"2025-08-10", "--to-solar", "1/1/2026"}, 2},
		{"lunar", []string{"--to-solar", "17/6"}, 2},
		{"lunar", []string{"--to-solar", "1/5/leap/2026"}, 1},
		{"lunar", []string{"--to-solar", "30/12/2025"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCommand(t, tt.name, tt.args...)
			if code != tt.want {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if code != 0 && stderr == "" {
				t.Error("failed with nothing on stderr")
			}
		})
	}
}

func TestDeadlineText(t *testing.T) {
	_, stdout, _ := runCommand(t, "deadline", "--meeting", "2027-02-15")
	for _, want := range []string{
		"Thứ Hai, 15/02/2027",
		"Thứ Tư, 10/02/2027 (5 ngày theo lịch trước ngày họp)",
		"Hạn thực tế:       Thứ Năm, 04/02/2027",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestDeadlineJSON(t *testing.T) {
	_, stdout, _ := runCommand(t, "deadline", "--meeting", "2026-01-14", "--days", "5", "--working", "--format", "json")
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, stdout)
	}
	want := map[string]any{
		"meeting":            "2026-01-14",
		"days":               float64(5),
		"counting":           "working_days",
		"deadline":           "2026-01-08",
		"practical_deadline": "2026-01-08",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON = %v, want %v", got, want)
	}
}

func TestCalendarText(t *testing.T) {
	_, stdout, _ := runCommand(t, "calendar", "--year", "2026")
	for _, want := range []string{
		"Ngày nghỉ năm 2026",
		"Thứ Ba, 17/02/2026",
		"1/1 năm Bính Ngọ",
		"nghỉ bù",
		"Nghỉ bù Giỗ Tổ Hùng Vương",
		"Thứ Bảy, 10/01/2026",
		"Lịch chính thức: ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}

	_, stdout, _ = runCommand(t, "calendar", "--year", "2027")
	if !strings.Contains(stdout, "Chưa có lịch nghỉ chính thức năm 2027") {
		t.Errorf("2027 output does not say the year has no official schedule:\n%s", stdout)
	}
}

func TestCalendarJSON(t *testing.T) {
	_, stdout, _ := runCommand(t, "calendar", "--year", "2025", "--format", "json")
	var got struct {
		Year    int `json:"year"`
		DaysOff []struct {
			Date  string    `json:"date"`
			Name  string    `json:"name"`
			Kind  string    `json:"kind"`
			Lunar lunarJSON `json:"lunar"`
		} `json:"days_off"`
		WorkingSaturdays []struct {
			Date string `json:"date"`
			Name string `json:"name"`
		} `json:"working_saturdays"`
		OfficialNotice *string `json:"official_notice"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, stdout)
	}

	if got.Year != 2025 {
		t.Errorf("year = %d", got.Year)
	}
	tet := got.DaysOff[3]
	wantLunar := lunarJSON{Day: 1, Month: 1, Year: 2025, YearName: "Ất Tỵ"}
	if tet.Date != "2025-01-29" || tet.Kind != "holiday" || tet.Lunar != wantLunar {
		t.Errorf("days_off[3] = %+v, want Tết 2025-01-29 with lunar %+v", tet, wantLunar)
	}
	if len(got.WorkingSaturdays) != 1 || got.WorkingSaturdays[0].Date != "2025-04-26" {
		t.Errorf("working_saturdays = %+v, want 2025-04-26", got.WorkingSaturdays)
	}
	if got.OfficialNotice == nil {
		t.Error("official_notice is null for 2025")
	}

	_, stdout, _ = runCommand(t, "calendar", "--year", "2030", "--format", "json")
	if !strings.Contains(stdout, `"official_notice": null`) || !strings.Contains(stdout, `"working_saturdays": []`) {
		t.Errorf("2030 JSON lacks a null notice or an empty list:\n%s", stdout)
	}
}

func TestLunarCommand(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"2025-08-10"}, "Dương lịch: Chủ nhật, 10/08/2025\nÂm lịch:    17/6 nhuận năm Ất Tỵ (2025)\n"},
		{[]string{"--to-solar", "17/6/leap/2025"}, "Dương lịch: Chủ nhật, 10/08/2025\nÂm lịch:    17/6 nhuận năm Ất Tỵ (2025)\n"},
		{[]string{"--to-solar", "1/1/2026"}, "Dương lịch: Thứ Ba, 17/02/2026\nÂm lịch:    1/1 năm Bính Ngọ (2026)\n"},
		{[]string{"2030-02-02", "--format", "json"}, `{
  "solar": "2030-02-02",
  "lunar": {
    "day": 1,
    "month": 1,
    "leap": false,
    "year": 2030,
    "year_name": "Canh Tuất"
  }
}
`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCommand(t, "lunar", tt.args...)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr)
			}
			if stdout != tt.want {
				t.Errorf("output:\n%s\nwant:\n%s", stdout, tt.want)
			}
		})
	}
}
