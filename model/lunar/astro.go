package lunar

import "math"

// The astronomy below is Hồ Ngọc Đức's lunar calendar algorithm, whose
// new-moon and sun-longitude series come from Jean Meeus. Integer days are
// Julian day numbers, and fractional values are Julian dates in Universal
// Time.

const (
	// timeZone is the offset of Vietnam's meridian, 105°E, in hours.
	timeZone = 7.0

	// synodicMonth is the mean length of a lunar month in days.
	synodicMonth = 29.530588853

	// newMoonEpoch is the Julian date of new moon number 0 (January 1900),
	// the origin of the k index used by newMoon.
	newMoonEpoch = 2415021.076998695
)

const radian = math.Pi / 180

// newMoon returns the Julian date (UT) of the k-th new moon after the one
// of January 1900.
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85 // Julian centuries from 1900-01-01 noon
	t2 := t * t
	t3 := t2 * t

	jd := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*radian)

	m := (359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3) * radian   // sun's mean anomaly
	mp := (306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3) * radian // moon's mean anomaly
	f := (21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3) * radian   // moon's argument of latitude

	c := (0.1734-0.000393*t)*math.Sin(m) + 0.0021*math.Sin(2*m)
	c += -0.4068*math.Sin(mp) + 0.0161*math.Sin(2*mp) - 0.0004*math.Sin(3*mp)
	c += 0.0104*math.Sin(2*f) - 0.0051*math.Sin(m+mp) - 0.0074*math.Sin(m-mp)
	c += 0.0004*math.Sin(2*f+m) - 0.0004*math.Sin(2*f-m) - 0.0006*math.Sin(2*f+mp)
	c += 0.0010*math.Sin(2*f-mp) + 0.0005*math.Sin(2*mp+m)

	// deltaT converts Ephemeris Time to Universal Time, in days.
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd + c - deltaT
}

// newMoonDay returns the Julian day number of the local (UTC+7) day on
// which the k-th new moon falls.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(k) + 0.5 + timeZone/24))
}

// sunLongitude returns the sun's apparent longitude, in radians in
// [0, 2π), at Julian date jd (UT).
func sunLongitude(jd float64) float64 {
	t := (jd - 2451545.0) / 36525 // Julian centuries from J2000.0
	t2 := t * t

	m := (357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2) * radian
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(m)
	dl += (0.019993-0.000101*t)*math.Sin(2*m) + 0.000290*math.Sin(3*m)

	l := (l0 + dl) * radian
	return l - 2*math.Pi*math.Floor(l/(2*math.Pi))
}

// solarTerm returns which twelfth of the ecliptic, 0 to 11, the sun is in
// at the start of local day jdn. Sector 9 starts at the winter solstice
// (270°), so a lunar month whose first day has the same sector as the next
// month's first day contains no principal solar term.
func solarTerm(jdn int) int {
	l := sunLongitude(float64(jdn) - 0.5 - timeZone/24)
	return int(l / math.Pi * 6)
}
