/*
 * Printing an edit script: the normal format ("2,3c2" and "<" ">" lines)
 * and the unified one ("@@ -2,3 +2 @@" hunks with context), as GNU diff
 * prints them, with "\ No newline at end of file" after a last line that
 * has none.
 */
#include "diff.h"
#include "../lib/cmd.h"
#include <time.h>

/* A line after its prefix; a line without newline gets GNU's remark. */
static void print_line(const char *prefix, const struct diff_line *line)
{
	out_str(prefix);
	out_write(line->text, line->len);
	if (line->len == 0 || line->text[line->len - 1] != '\n')
		out_str("\n\\ No newline at end of file\n");
}

/* Lines a..b (0-based, inclusive) as "A,B", or one number when there are fewer than two. */
static void print_range(long a, long b)
{
	if (b > a)
		out_format("%ld,%ld", a + 1, b + 1);
	else
		out_format("%ld", b + 1);
}

void print_normal(const struct diff_file files[2], const struct change *script)
{
	for (const struct change *c = script; c; c = c->next) {
		long last0 = c->line0 + c->deleted - 1, last1 = c->line1 + c->inserted - 1;
		print_range(c->line0, last0);
		out_char(!c->deleted ? 'a' : !c->inserted ? 'd' : 'c');
		print_range(c->line1, last1);
		out_char('\n');
		for (long i = c->line0; i <= last0; i++)
			print_line("< ", &files[0].lines[i]);
		if (c->deleted && c->inserted)
			out_str("---\n");
		for (long i = c->line1; i <= last1; i++)
			print_line("> ", &files[1].lines[i]);
	}
}

/* "--- name\tdate": the modification time as GNU prints it, to the second. */
static void print_header(const char *mark, const struct diff_file *file)
{
	struct tm tm;
	time_t when = (time_t)file->st.st_mtime;
	char date[64];
	gmtime_r(&when, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", &tm);
	out_format("%s %s\t%s.000000000 +0000\n", mark, file->name, date);
}

/* A unified range: "START,COUNT", "START" for one line, "BEFORE,0" for none. */
static void print_unified_range(long first, long last)
{
	if (last < first)
		out_format("%ld,0", last + 1);
	else if (last == first)
		out_format("%ld", first + 1);
	else
		out_format("%ld,%ld", first + 1, last - first + 1);
}

/* The last change of the hunk that starts at start: the next ones that are close. */
static const struct change *hunk_end(const struct change *start, long context)
{
	while (start->next && start->next->line0 - (start->line0 + start->deleted) < 2 * context + 1)
		start = start->next;
	return start;
}

static void print_hunk(const struct diff_file files[2], const struct change *first,
	const struct change *last, long context)
{
	long first0 = first->line0 - context, first1 = first->line1 - context;
	long last0 = last->line0 + last->deleted - 1 + context;
	long last1 = last->line1 + last->inserted - 1 + context;
	first0 = first0 < 0 ? 0 : first0;
	first1 = first1 < 0 ? 0 : first1;
	last0 = last0 >= files[0].count ? files[0].count - 1 : last0;
	last1 = last1 >= files[1].count ? files[1].count - 1 : last1;
	out_str("@@ -");
	print_unified_range(first0, last0);
	out_str(" +");
	print_unified_range(first1, last1);
	out_str(" @@\n");
	const struct change *next = first;
	long i = first0, j = first1;
	while (i <= last0 || j <= last1) {
		if (!next || i < next->line0) {
			print_line(" ", &files[0].lines[i++]);
			j++;
			continue;
		}
		for (long k = 0; k < next->deleted; k++)
			print_line("-", &files[0].lines[i++]);
		for (long k = 0; k < next->inserted; k++)
			print_line("+", &files[1].lines[j++]);
		next = next == last ? NULL : next->next;
	}
}

void print_unified(const struct diff_file files[2], const struct change *script, long context)
{
	print_header("---", &files[0]);
	print_header("+++", &files[1]);
	while (script) {
		const struct change *last = hunk_end(script, context);
		print_hunk(files, script, last, context);
		script = last->next;
	}
}
