/*
 * uptime: " 12:34:56 up 5 min,  1 user,  load average: 0.00, 0.00, 0.00",
 * as procps words it: the time of day, the time since boot (the
 * CLOCK_MONOTONIC clock: on Samsara the ticks since boot), users, and the
 * load averages of /proc/loadavg where the system has one. -p gives only
 * "up 1 hour, 5 minutes", -s the time of boot.
 *
 * Differs from procps: there are no logins to count (no utmp), so it is
 * always "1 user", the console; Samsara keeps no load averages: 0.00.
 */
#include "../lib/cmd.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define USAGE "uptime [-p | -s]"
#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)
#define YEAR (365 * DAY)
#define DECADE (10 * YEAR)

/* Seconds since boot, or -1. */
static long long seconds_up(void)
{
	struct timespec now;
	return clock_gettime(CLOCK_MONOTONIC, &now) == 0 ? (long long)now.tv_sec : -1;
}

/* The three load averages as /proc/loadavg writes them ("0.15 0.10 0.05"). */
static void load_averages(char *text, size_t size)
{
	int fd = open("/proc/loadavg", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, text, size - 1) : -1;
	if (fd >= 0)
		close(fd);
	char *fields[3];
	char *state = NULL;
	text[n > 0 ? n : 0] = '\0';
	fields[0] = strtok_r(text, " \n", &state);
	fields[1] = fields[0] ? strtok_r(NULL, " \n", &state) : NULL;
	fields[2] = fields[1] ? strtok_r(NULL, " \n", &state) : NULL;
	if (!fields[2]) {
		snprintf(text, size, "0.00, 0.00, 0.00");
		return;
	}
	char joined[96];
	snprintf(joined, sizeof(joined), "%s, %s, %s", fields[0], fields[1], fields[2]);
	snprintf(text, size, "%s", joined);
}

/* Takes whole units of size out of *seconds: how many there were. */
static long long take(long long *seconds, long long size)
{
	long long count = *seconds > size ? *seconds / size : 0;
	*seconds -= count * size;
	return count;
}

/* One "N unit(s)" of the pretty form, after a comma unless it is the first. */
static void put_unit(int *first, long long count, const char *unit, const char *units)
{
	out_format("%s%lld %s", *first ? "" : ", ", count, count != 1 ? units : unit);   /* "0 minutes", as procps */
	*first = 0;
}

/* "up 2 weeks, 1 day, 3 hours, 5 minutes" */
static void put_pretty(long long seconds)
{
	int first = 1;
	long long decades = take(&seconds, DECADE), years = take(&seconds, YEAR), weeks = take(&seconds, WEEK);
	long long days = take(&seconds, DAY), hours = take(&seconds, HOUR), minutes = take(&seconds, MINUTE);
	out_str("up ");
	if (decades)
		put_unit(&first, decades, "decade", "decades");
	if (years)
		put_unit(&first, years, "year", "years");
	if (weeks)
		put_unit(&first, weeks, "week", "weeks");
	if (days)
		put_unit(&first, days, "day", "days");
	if (hours)
		put_unit(&first, hours, "hour", "hours");
	if (minutes || seconds <= MINUTE)
		put_unit(&first, minutes, "minute", "minutes");
	out_char('\n');
}

/* " 12:34:56 up 3 days,  2:05,  1 user,  load average: 0.00, 0.00, 0.00" */
static void put_line(long long seconds)
{
	time_t now = time(NULL);
	struct tm *tm = localtime(&now);
	char loads[128];
	out_format(" %02d:%02d:%02d up ", tm ? tm->tm_hour : 0, tm ? tm->tm_min : 0, tm ? tm->tm_sec : 0);
	long long days = take(&seconds, DAY), hours = take(&seconds, HOUR), minutes = take(&seconds, MINUTE);
	if (days)
		out_format("%lld %s, ", days, days != 1 ? "days" : "day");
	if (hours)
		out_format("%2lld:%02lld", hours, minutes);
	else
		out_format("%lld min", minutes);
	load_averages(loads, sizeof(loads));
	out_format(",  1 user,  load average: %s\n", loads);
}

static void put_since(long long seconds)
{
	time_t boot = time(NULL) - (time_t)seconds;
	struct tm *tm = localtime(&boot);
	char text[32];
	if (tm && strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", tm) > 0)
		out_format("%s\n", text);
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, pretty = 0, since = 0;
	cmd_init("uptime");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ps")) != -1) {
		if (option == 'p')
			pretty = 1;
		else if (option == 's')
			since = 1;
		else
			cmd_usage(1, USAGE);
	}
	if (opts.index < argc) {
		cmd_error("extra operand '%s'", argv[opts.index]);
		cmd_usage(1, USAGE);
	}
	long long seconds = seconds_up();
	if (seconds < 0) {
		cmd_error("cannot read the time since boot");
		cmd_exit(1);
	}
	if (since)
		put_since(seconds);
	else if (pretty)
		put_pretty(seconds);
	else
		put_line(seconds);
	cmd_exit(0);
}
