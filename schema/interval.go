package schema

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// pgIntervalUnit returns what one of the unit words of PostgreSQL's
// interval input is worth in (months, days, microseconds) ("Interval Input",
// https://www.postgresql.org/docs/15/datatype-datetime.html#DATATYPE-INTERVAL-INPUT).
func pgIntervalUnit(word string) (months, days, micros float64, ok bool) {
	switch strings.ToLower(word) {
	case "microsecond", "microseconds", "usec", "usecs", "us":
		return 0, 0, 1, true
	case "millisecond", "milliseconds", "msec", "msecs", "ms":
		return 0, 0, 1e3, true
	case "second", "seconds", "sec", "secs", "s":
		return 0, 0, 1e6, true
	case "minute", "minutes", "min", "mins", "m":
		return 0, 0, 60e6, true
	case "hour", "hours", "hr", "hrs", "h":
		return 0, 0, 3600e6, true
	case "day", "days", "d":
		return 0, 1, 0, true
	case "week", "weeks", "w":
		return 0, 7, 0, true
	case "month", "months", "mon", "mons":
		return 1, 0, 0, true
	case "year", "years", "yr", "yrs", "y":
		return 12, 0, 0, true
	case "decade", "decades":
		return 120, 0, 0, true
	case "century", "centuries":
		return 1200, 0, 0, true
	case "millennium", "millennia":
		return 12000, 0, 0, true
	}
	return 0, 0, 0, false
}

// pgIntervalText returns the text PostgreSQL's interval output prints
// (IntervalStyle postgres) for s, when s is an interval written with unit
// words ("30 minutes", "1 day 2 hours", "1.5 days", "@ 3 hours ago") or in
// that output form itself ("1 day 00:30:00"); false otherwise. PostgreSQL
// stores an interval literal in that form ('90 min' as '01:30:00'::interval),
// so both forms compare equal once brought to it.
func pgIntervalText(s string) (string, bool) {
	f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(s), "@"))
	if len(f) == 0 {
		return "", false
	}
	ago := false
	if strings.EqualFold(f[len(f)-1], "ago") {
		ago, f = true, f[:len(f)-1]
	}
	var months, days, micros float64
	units := 0
	for i := 0; i < len(f); i++ {
		if t, ok := pgTimeOfDay(f[i]); ok && i == len(f)-1 {
			micros += t
			units++
			continue
		}
		n, err := strconv.ParseFloat(f[i], 64)
		if err != nil || i+1 >= len(f) || math.IsInf(n, 0) || math.IsNaN(n) {
			return "", false
		}
		m, d, us, ok := pgIntervalUnit(f[i+1])
		if !ok {
			return "", false
		}
		// A fraction of a month cascades into days (30 a month) and a
		// fraction of a day into time, as PostgreSQL does; a fraction of a
		// year counts in whole months only.
		mo := n * m
		months += math.Trunc(mo)
		dd := n * d
		if m == 1 {
			dd += (mo - math.Trunc(mo)) * 30
		}
		days += math.Trunc(dd)
		micros += n*us + (dd-math.Trunc(dd))*86400e6
		units++
		i++
	}
	if units == 0 {
		return "", false
	}
	if ago {
		months, days, micros = -months, -days, -micros
	}
	return formatPgInterval(int64(months), int64(days), int64(math.Round(micros))), true
}

// pgLiteralText returns a string default of a column of type typ as
// PostgreSQL stores it, for the types whose literals it stores in their
// output form (jsonb, interval, timestamps); val itself otherwise.
func pgLiteralText(typ, val string) string {
	var text string
	var ok bool
	switch {
	case typ == "jsonb":
		text, ok = jsonbText(val)
	case strings.HasPrefix(typ, "interval"):
		text, ok = pgIntervalText(val)
	case strings.HasPrefix(typ, "timestamp"):
		text, ok = pgTimestampText(val)
	}
	if ok {
		return text
	}
	return val
}

// pgTimeOfDay reads [-]HH:MM[:SS[.ffffff]] as microseconds.
func pgTimeOfDay(s string) (float64, bool) {
	neg := strings.HasPrefix(s, "-")
	parts := strings.Split(strings.TrimLeft(s, "+-"), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var total float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || p == "" || strings.ContainsAny(p, "eE+-") || i < len(parts)-1 && strings.Contains(p, ".") {
			return 0, false
		}
		total += v * []float64{3600e6, 60e6, 1e6}[i]
	}
	if neg {
		total = -total
	}
	return total, true
}

// formatPgInterval prints an interval as IntervalStyle postgres does:
// "1 year 2 mons 3 days 04:05:06.5", "-1 years", "00:00:00"; a positive
// part after a negative one carries a "+" ("-1 days +01:00:00"), as
// PostgreSQL's EncodeInterval writes it.
func formatPgInterval(months, days, micros int64) string {
	var parts []string
	before := false // the previous part is negative
	unit := func(n int64, name string) {
		if n == 0 {
			return
		}
		plus, s := "", "s"
		if before && n > 0 {
			plus = "+"
		}
		if n == 1 {
			s = ""
		}
		parts = append(parts, fmt.Sprintf("%s%d %s%s", plus, n, name, s))
		before = n < 0
	}
	unit(months/12, "year")
	unit(months%12, "mon")
	unit(days, "day")
	if micros != 0 || len(parts) == 0 {
		sign := ""
		switch {
		case micros < 0:
			sign, micros = "-", -micros
		case before:
			sign = "+"
		}
		t := fmt.Sprintf("%s%02d:%02d:%02d", sign, micros/3600e6, micros/60e6%60, micros/1e6%60)
		if frac := micros % 1e6; frac != 0 {
			t += strings.TrimRight(fmt.Sprintf(".%06d", frac), "0")
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}
