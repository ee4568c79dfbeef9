/*
 * strftime in the C locale, time zone UTC. Conversions: a A b B c C d D e F
 * g G h H I j k l m M n p P r R s S t T u U V w W x X y Y z Z %; the E and
 * O modifiers are accepted and ignored. An unknown conversion is copied as
 * written. Returns 0 if the result and its NUL do not fit in size bytes.
 */
#include <time.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct output {
	char *buf;
	size_t size;
	size_t length;   /* what has been produced, even past size */
};

static const char *const day_names[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static void append(struct output *out, const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++, out->length++) {
		if (out->length < out->size)
			out->buf[out->length] = text[i];
	}
}

static void append_string(struct output *out, const char *text)
{
	append(out, text, strlen(text));
}

/* A number right-aligned in width characters, padded with pad ('0' or ' '). */
static void append_number(struct output *out, long long value, int width, char pad)
{
	char text[32];
	int n = snprintf(text, sizeof(text), pad == '0' ? "%0*lld" : "%*lld", width, value);
	append(out, text, (size_t)n);
}

/* A name, or "?" for a field out of range; abbreviated to 3 letters if short. */
static void append_name(struct output *out, const char *const *names, int count, int index, bool abbreviated)
{
	if (index < 0 || index >= count) {
		append_string(out, "?");
		return;
	}
	append(out, names[index], abbreviated ? 3 : strlen(names[index]));
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

/* ISO 8601 years have 53 weeks when they start on a Thursday, or on a Wednesday in a leap year. */
static int iso_weeks_in_year(long long year)
{
	long long jan1 = year + floor_div(year, 4) - floor_div(year, 100) + floor_div(year, 400);
	long long prev = (year - 1) + floor_div(year - 1, 4) - floor_div(year - 1, 100) + floor_div(year - 1, 400);
	return 52 + ((jan1 % 7 + 7) % 7 == 4 || (prev % 7 + 7) % 7 == 3);
}

/* The ISO 8601 week (1..53) of tm; *iso_year is the year it belongs to. */
static int iso_week(const struct tm *tm, long long *iso_year)
{
	int monday_based = (tm->tm_wday + 6) % 7;
	int week = (tm->tm_yday - monday_based + 10) / 7;
	*iso_year = tm->tm_year + 1900LL;
	if (week < 1) {
		--*iso_year;
		return iso_weeks_in_year(*iso_year);
	}
	if (week > iso_weeks_in_year(*iso_year)) {
		++*iso_year;
		return 1;
	}
	return week;
}

static void format(struct output *out, const char *fmt, const struct tm *tm);

/* Conversions that are a shorthand for a longer format. */
static const char *composite(char conversion)
{
	switch (conversion) {
	case 'c': return "%a %b %e %H:%M:%S %Y";
	case 'D': case 'x': return "%m/%d/%y";
	case 'F': return "%Y-%m-%d";
	case 'r': return "%I:%M:%S %p";
	case 'R': return "%H:%M";
	case 'T': case 'X': return "%H:%M:%S";
	default: return NULL;
	}
}

/* Conversions of the date: names, year, month, day. Returns false if c is not one. */
static bool convert_date(struct output *out, char c, const struct tm *tm)
{
	long long year = tm->tm_year + 1900LL;
	switch (c) {
	case 'a': case 'A': append_name(out, day_names, 7, tm->tm_wday, c == 'a'); break;
	case 'b': case 'h': case 'B': append_name(out, month_names, 12, tm->tm_mon, c != 'B'); break;
	case 'C': append_number(out, floor_div(year, 100), 2, '0'); break;
	case 'd': append_number(out, tm->tm_mday, 2, '0'); break;
	case 'e': append_number(out, tm->tm_mday, 2, ' '); break;
	case 'j': append_number(out, tm->tm_yday + 1, 3, '0'); break;
	case 'm': append_number(out, tm->tm_mon + 1, 2, '0'); break;
	case 'u': append_number(out, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, '0'); break;
	case 'w': append_number(out, tm->tm_wday, 1, '0'); break;
	case 'y': append_number(out, year - floor_div(year, 100) * 100, 2, '0'); break;
	case 'Y': append_number(out, year, 1, '0'); break;
	default: return false;
	}
	return true;
}

/* Week numbers: U (weeks start on Sunday), W (on Monday), and ISO 8601's G g V. */
static bool convert_week(struct output *out, char c, const struct tm *tm)
{
	long long iso_year;
	int week = iso_week(tm, &iso_year);
	switch (c) {
	case 'U': append_number(out, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0'); break;
	case 'W': append_number(out, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0'); break;
	case 'V': append_number(out, week, 2, '0'); break;
	case 'G': append_number(out, iso_year, 1, '0'); break;
	case 'g': append_number(out, iso_year - floor_div(iso_year, 100) * 100, 2, '0'); break;
	default: return false;
	}
	return true;
}

/* Conversions of the time of day, the zone and the epoch. */
static bool convert_time(struct output *out, char c, const struct tm *tm)
{
	int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
	struct tm copy = *tm;
	switch (c) {
	case 'H': append_number(out, tm->tm_hour, 2, '0'); break;
	case 'I': append_number(out, hour12, 2, '0'); break;
	case 'k': append_number(out, tm->tm_hour, 2, ' '); break;
	case 'l': append_number(out, hour12, 2, ' '); break;
	case 'M': append_number(out, tm->tm_min, 2, '0'); break;
	case 'S': append_number(out, tm->tm_sec, 2, '0'); break;
	case 'p': append_string(out, tm->tm_hour < 12 ? "AM" : "PM"); break;
	case 'P': append_string(out, tm->tm_hour < 12 ? "am" : "pm"); break;
	case 's': append_number(out, timegm(&copy), 1, '0'); break;
	case 'z': append_string(out, "+0000"); break;
	case 'Z': append_string(out, "UTC"); break;
	default: return false;
	}
	return true;
}

/* Formats the conversion c; start..end is its text, copied if c is unknown. */
static void convert(struct output *out, char c, const struct tm *tm, const char *start, const char *end)
{
	const char *expansion = composite(c);
	if (expansion)
		format(out, expansion, tm);
	else if (c == 'n')
		append_string(out, "\n");
	else if (c == 't')
		append_string(out, "\t");
	else if (c == '%')
		append_string(out, "%");
	else if (!convert_date(out, c, tm) && !convert_week(out, c, tm) && !convert_time(out, c, tm))
		append(out, start, (size_t)(end - start));
}

static void format(struct output *out, const char *fmt, const struct tm *tm)
{
	while (*fmt) {
		if (*fmt != '%') {
			append(out, fmt++, 1);
			continue;
		}
		const char *start = fmt++;
		if (*fmt == 'E' || *fmt == 'O')
			fmt++;
		if (!*fmt) {
			append(out, start, (size_t)(fmt - start));
			return;
		}
		convert(out, *fmt, tm, start, fmt + 1);
		fmt++;
	}
}

size_t strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
	struct output out = { buf, size, 0 };
	format(&out, fmt, tm);
	if (out.length >= size)
		return 0;
	buf[out.length] = '\0';
	return out.length;
}
