/*
 * Finding what changed between two files, the way GNU diff does, so that
 * the output is the same: lines become numbers (equal lines, equal
 * numbers); lines that match nothing in the other file are set aside;
 * compare_sequences finds the middle snake of Myers' algorithm from both
 * ends and recurses on each half; shift_boundaries then slides each run of
 * changes as far down as it goes, or to where it meets a change in the
 * other file, and the script is read off the changed flags.
 */
#include "diff.h"
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>

/* A zeroed block, or the end of the program when memory runs out. */
static void *zeroed(size_t size)
{
	return memset(cmd_malloc(size), 0, size);
}

/* --- equivalence classes --- */

struct class_table {
	struct diff_line *slots;   /* representative line of each used slot */
	long *numbers;             /* its class number, 0 for an empty slot */
	size_t size;
	long next_number;
};

static size_t hash_line(const struct diff_line *line)
{
	size_t h = 2166136261u;
	for (size_t i = 0; i < line->len; i++)
		h = (h ^ (unsigned char)line->text[i]) * 16777619u;
	return h;
}

static long class_of(struct class_table *t, const struct diff_line *line)
{
	size_t i = hash_line(line) & (t->size - 1);
	while (t->numbers[i]) {
		const struct diff_line *seen = &t->slots[i];
		if (seen->len == line->len && memcmp(seen->text, line->text, line->len) == 0)
			return t->numbers[i];
		i = (i + 1) & (t->size - 1);
	}
	t->slots[i] = *line;
	t->numbers[i] = ++t->next_number;
	return t->numbers[i];
}

/* Numbers the lines of both files; returns how many classes there are. */
static long number_lines(struct diff_file files[2])
{
	struct class_table t = { NULL, NULL, 16, 0 };
	while (t.size < 2 * (size_t)(files[0].count + files[1].count) + 2)
		t.size *= 2;
	t.slots = cmd_malloc(t.size * sizeof(*t.slots));
	t.numbers = zeroed(t.size * sizeof(*t.numbers));
	for (int f = 0; f < 2; f++) {
		files[f].equivs = cmd_malloc((size_t)(files[f].count + 1) * sizeof(long));
		for (long i = 0; i < files[f].count; i++)
			files[f].equivs[i] = class_of(&t, &files[f].lines[i]);
	}
	free(t.slots);
	free(t.numbers);
	return t.next_number + 1;
}

/* --- setting aside lines that cannot match --- */

/* The lines compare_sequences works on: those not discarded. */
struct kept {
	long *equivs;
	long *real;              /* index of each in its file */
	long count;
};

/* Marks 1 the lines with no match in the other file, 2 those with very many. */
static void mark_discardable(const struct diff_file *file, const long *other_counts, char *discards)
{
	long many = 5, tem = file->count / 64;
	while ((tem >>= 2) > 0)
		many *= 2;
	for (long i = 0; i < file->count; i++) {
		long matches = other_counts[file->equivs[i]];
		if (matches == 0)
			discards[i] = 1;
		else if (matches > many)
			discards[i] = 2;
	}
}

/* Cancels provisional discards (2) at the ends of the run [start, start+length). */
static void trim_run_end(char *discards, long last, long length, int direction)
{
	long consec = 0;
	for (long j = 0; j < length; j++) {
		long at = last + direction * j;
		if (j >= 8 && discards[at] == 1)
			break;
		if (discards[at] == 2) {
			consec = 0;
			discards[at] = 0;
		} else if (discards[at] == 0) {
			consec = 0;
		} else if (++consec == 3) {
			break;
		}
	}
}

/*
 * In a run of discards, keeps provisional ones only deep inside it.
 * Returns 1 when the run was settled whole, 0 when its lines are to be
 * looked at again one by one (as GNU does when a quarter are provisional).
 */
static int settle_run(char *discards, long i, long length, long provisional)
{
	if (provisional * 4 > length) {
		for (long j = i + length; j > i; j--)
			if (discards[j - 1] == 2)
				discards[j - 1] = 0;
		return 0;
	}
	long minimum = 1, tem = length >> 2, consec = 0;
	while ((tem >>= 2) > 0)
		minimum <<= 1;
	minimum++;
	for (long j = 0; j < length; j++) {
		if (discards[i + j] != 2)
			consec = 0;
		else if (minimum == ++consec)
			j -= consec;   /* back to the start of the subrun, to cancel it all */
		else if (minimum < consec)
			discards[i + j] = 0;
	}
	trim_run_end(discards, i, length, 1);
	trim_run_end(discards, i + length - 1, length, -1);
	return 1;
}

/* Provisional discards stand only inside runs that start and end with definite ones. */
static void settle_discards(char *discards, long end)
{
	for (long i = 0; i < end; i++) {
		if (discards[i] == 2) {
			discards[i] = 0;
			continue;
		}
		if (discards[i] == 0)
			continue;
		long j, provisional = 0;
		for (j = i; j < end && discards[j] != 0; j++)
			provisional += discards[j] == 2;
		while (j > i && discards[j - 1] == 2) {
			discards[--j] = 0;
			provisional--;
		}
		if (settle_run(discards, i, j - i, provisional))
			i = j - 1;
	}
}

static void discard_confusing_lines(struct diff_file files[2], long classes, struct kept kept[2])
{
	long *counts[2];
	char *discards[2];
	for (int f = 0; f < 2; f++) {
		counts[f] = zeroed((size_t)classes * sizeof(long));
		discards[f] = zeroed((size_t)files[f].count + 1);
		for (long i = 0; i < files[f].count; i++)
			counts[f][files[f].equivs[i]]++;
	}
	for (int f = 0; f < 2; f++)
		mark_discardable(&files[f], counts[1 - f], discards[f]);
	for (int f = 0; f < 2; f++) {
		settle_discards(discards[f], files[f].count);
		kept[f].equivs = cmd_malloc((size_t)(files[f].count + 1) * sizeof(long));
		kept[f].real = cmd_malloc((size_t)(files[f].count + 1) * sizeof(long));
		kept[f].count = 0;
		for (long i = 0; i < files[f].count; i++) {
			if (discards[f][i]) {
				files[f].changed[i] = 1;
				continue;
			}
			kept[f].equivs[kept[f].count] = files[f].equivs[i];
			kept[f].real[kept[f].count++] = i;
		}
		free(counts[f]);
		free(discards[f]);
	}
}

/* --- the middle snake --- */

struct search {
	const long *x, *y;       /* the kept lines of each file */
	long *fd, *bd;           /* furthest x on each diagonal, forward and backward */
	const struct kept *kept;
	struct diff_file *files;
	long too_expensive;      /* past this many edits, settle for a good split */
};

struct partition {
	long xmid, ymid;
	int lo_minimal, hi_minimal;  /* whether each half still needs a minimal search */
};

/* The box being split, and the diagonals the searches have reached. */
struct box {
	long xoff, xlim, yoff, ylim;
	long fmin, fmax, bmin, bmax;
};

/*
 * GNU's answer when the search costs too much: the furthest point either
 * search reached (forward by x + y, backward the least), whichever went
 * further; the half it leaves unexplored is not searched minimally.
 */
static void give_up(const struct search *s, const struct box *b, struct partition *part)
{
	long fxybest = -1, fxbest = 0, bxybest = 0x7fffffffL, bxbest = 0;
	for (long d = b->fmax; d >= b->fmin; d -= 2) {
		long x = s->fd[d] < b->xlim ? s->fd[d] : b->xlim, y = x - d;
		if (b->ylim < y)
			x = b->ylim + d, y = b->ylim;
		if (fxybest < x + y)
			fxybest = x + y, fxbest = x;
	}
	for (long d = b->bmax; d >= b->bmin; d -= 2) {
		long x = s->bd[d] > b->xoff ? s->bd[d] : b->xoff, y = x - d;
		if (y < b->yoff)
			x = b->yoff + d, y = b->yoff;
		if (x + y < bxybest)
			bxybest = x + y, bxbest = x;
	}
	int forward = (b->xlim + b->ylim) - bxybest < fxybest - (b->xoff + b->yoff);
	part->xmid = forward ? fxbest : bxbest;
	part->ymid = forward ? fxybest - fxbest : bxybest - bxbest;
	part->lo_minimal = forward;
	part->hi_minimal = !forward;
}

/* Extends the forward search by one edit; 1 when it met the backward one. */
static int forward_step(struct search *s, struct box *b, long dmin, long dmax, int odd,
	struct partition *part)
{
	long *fd = s->fd, *bd = s->bd;
	if (b->fmin > dmin)
		fd[--b->fmin - 1] = -1;
	else
		++b->fmin;
	if (b->fmax < dmax)
		fd[++b->fmax + 1] = -1;
	else
		--b->fmax;
	for (long d = b->fmax; d >= b->fmin; d -= 2) {
		long tlo = fd[d - 1], thi = fd[d + 1];
		long x = tlo < thi ? thi : tlo + 1, y = x - d;
		while (x < b->xlim && y < b->ylim && s->x[x] == s->y[y])
			x++, y++;
		fd[d] = x;
		if (odd && b->bmin <= d && d <= b->bmax && bd[d] <= x) {
			*part = (struct partition){ x, y, 1, 1 };
			return 1;
		}
	}
	return 0;
}

/* Extends the backward search by one edit; 1 when it met the forward one. */
static int backward_step(struct search *s, struct box *b, long dmin, long dmax, int odd,
	struct partition *part)
{
	long *fd = s->fd, *bd = s->bd;
	if (b->bmin > dmin)
		bd[--b->bmin - 1] = 0x7fffffffL;
	else
		++b->bmin;
	if (b->bmax < dmax)
		bd[++b->bmax + 1] = 0x7fffffffL;
	else
		--b->bmax;
	for (long d = b->bmax; d >= b->bmin; d -= 2) {
		long tlo = bd[d - 1], thi = bd[d + 1];
		long x = tlo < thi ? tlo : thi - 1, y = x - d;
		while (b->xoff < x && b->yoff < y && s->x[x - 1] == s->y[y - 1])
			x--, y--;
		bd[d] = x;
		if (!odd && b->fmin <= d && d <= b->fmax && x <= fd[d]) {
			*part = (struct partition){ x, y, 1, 1 };
			return 1;
		}
	}
	return 0;
}

/* Finds where a shortest path from (xoff,yoff) to (xlim,ylim) crosses its middle. */
static void middle_snake(struct search *s, struct box *b, int find_minimal, struct partition *part)
{
	long dmin = b->xoff - b->ylim, dmax = b->xlim - b->yoff;
	long fmid = b->xoff - b->yoff, bmid = b->xlim - b->ylim;
	int odd = (fmid - bmid) & 1;
	b->fmin = b->fmax = fmid;
	b->bmin = b->bmax = bmid;
	s->fd[fmid] = b->xoff;
	s->bd[bmid] = b->xlim;
	for (long cost = 1;; cost++) {
		if (forward_step(s, b, dmin, dmax, odd, part) || backward_step(s, b, dmin, dmax, odd, part))
			return;
		if (!find_minimal && cost >= s->too_expensive) {
			give_up(s, b, part);
			return;
		}
	}
}

static void compare_sequences(struct search *s, long xoff, long xlim, long yoff, long ylim, int find_minimal)
{
	while (xoff < xlim && yoff < ylim && s->x[xoff] == s->y[yoff])
		xoff++, yoff++;
	while (xoff < xlim && yoff < ylim && s->x[xlim - 1] == s->y[ylim - 1])
		xlim--, ylim--;
	if (xoff == xlim) {
		while (yoff < ylim)
			s->files[1].changed[s->kept[1].real[yoff++]] = 1;
	} else if (yoff == ylim) {
		while (xoff < xlim)
			s->files[0].changed[s->kept[0].real[xoff++]] = 1;
	} else {
		struct partition part;
		struct box b = { xoff, xlim, yoff, ylim, 0, 0, 0, 0 };
		middle_snake(s, &b, find_minimal, &part);
		compare_sequences(s, xoff, part.xmid, yoff, part.ymid, part.lo_minimal);
		compare_sequences(s, part.xmid, xlim, part.ymid, ylim, part.hi_minimal);
	}
}

/* --- sliding changes to their final place --- */

/* Slides the runs of changes of one file; other is the other file's flags. */
static void shift_boundaries(struct diff_file *file, const char *other_changed)
{
	char *changed = file->changed;
	const long *equivs = file->equivs;
	long i = 0, j = 0, end = file->count;
	for (;;) {
		while (i < end && !changed[i]) {
			while (other_changed[j++])
				continue;
			i++;
		}
		if (i == end)
			break;
		long start = i, runlength, corresponding;
		while (changed[++i])
			continue;
		while (other_changed[j])
			j++;
		do {
			runlength = i - start;
			while (start && equivs[start - 1] == equivs[i - 1]) {
				changed[--start] = 1;
				changed[--i] = 0;
				while (changed[start - 1])
					start--;
				while (other_changed[--j])
					continue;
			}
			corresponding = other_changed[j - 1] ? i : end;
			while (i != end && equivs[start] == equivs[i]) {
				changed[start++] = 0;
				changed[i++] = 1;
				while (changed[i])
					i++;
				while (other_changed[++j])
					corresponding = i;
			}
		} while (runlength != i - start);
		while (corresponding < i) {
			changed[--start] = 1;
			changed[--i] = 0;
			while (other_changed[--j])
				continue;
		}
	}
}

/* Reads the changes off the flags, from the end so the list comes out in order. */
static struct change *build_script(const struct diff_file files[2])
{
	struct change *script = NULL;
	const char *changed0 = files[0].changed, *changed1 = files[1].changed;
	long i0 = files[0].count, i1 = files[1].count;
	while (i0 >= 0 || i1 >= 0) {
		if (changed0[i0 - 1] || changed1[i1 - 1]) {
			long line0 = i0, line1 = i1;
			while (changed0[i0 - 1])
				i0--;
			while (changed1[i1 - 1])
				i1--;
			struct change *c = cmd_malloc(sizeof(*c));
			*c = (struct change){ i0, i1, line0 - i0, line1 - i1, script };
			script = c;
		}
		i0--, i1--;
	}
	return script;
}

/*
 * The part of the files worth analysing, as GNU's find_identical_ends
 * cuts it: identical leading and trailing lines are left out but for
 * `horizon` of each (the context), which the changes may slide into.
 */
static void find_middle(const struct diff_file files[2], long horizon, long *start, long end[2])
{
	long shorter = files[0].count < files[1].count ? files[0].count : files[1].count;
	long prefix = 0, suffix = 0;
	while (prefix < shorter && files[0].equivs[prefix] == files[1].equivs[prefix])
		prefix++;
	*start = prefix > horizon ? prefix - horizon : 0;
	while (suffix < shorter - *start
		&& files[0].equivs[files[0].count - 1 - suffix] == files[1].equivs[files[1].count - 1 - suffix])
		suffix++;
	for (int f = 0; f < 2; f++) {
		end[f] = files[f].count - suffix + horizon;
		end[f] = end[f] > files[f].count ? files[f].count : end[f];
	}
}

/* GNU's bound on the cost of a search: about the square root of the size, at least 4096. */
static long too_expensive(long diagonals)
{
	long limit = 1;
	for (; diagonals != 0; diagonals >>= 2)
		limit <<= 1;
	return limit > 4096 ? limit : 4096;
}

/* Analyses the middle parts as if they were the whole files. */
static struct change *analyze_middle(struct diff_file middle[2])
{
	struct kept kept[2];
	long classes = number_lines(middle);
	for (int f = 0; f < 2; f++)
		/* two spare flags at each end: build_script looks at [-2] */
		middle[f].changed = (char *)zeroed((size_t)middle[f].count + 4) + 2;
	discard_confusing_lines(middle, classes, kept);
	long diagonals = kept[0].count + kept[1].count + 3;
	long *fd = cmd_malloc(2 * (size_t)diagonals * sizeof(long));
	struct search s = { kept[0].equivs, kept[1].equivs, fd + kept[1].count + 1,
		fd + diagonals + kept[1].count + 1, kept, middle, too_expensive(diagonals) };
	compare_sequences(&s, 0, kept[0].count, 0, kept[1].count, 0);
	free(fd);
	shift_boundaries(&middle[0], middle[1].changed);
	shift_boundaries(&middle[1], middle[0].changed);
	for (int f = 0; f < 2; f++) {
		free(kept[f].equivs);
		free(kept[f].real);
		free(middle[f].equivs);
	}
	struct change *script = build_script(middle);
	for (int f = 0; f < 2; f++)
		free(middle[f].changed - 2);
	return script;
}

struct change *diff_analyze(struct diff_file files[2], long horizon)
{
	struct diff_file middle[2];
	long start, end[2];
	number_lines(files);
	find_middle(files, horizon, &start, end);
	for (int f = 0; f < 2; f++) {
		middle[f] = files[f];
		middle[f].lines += start;
		middle[f].count = end[f] - start;
	}
	struct change *script = analyze_middle(middle);
	for (struct change *c = script; c; c = c->next) {
		c->line0 += start;
		c->line1 += start;
	}
	return script;
}
