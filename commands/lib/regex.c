/*
 * The regex engine (see regex.h). The pattern compiles into an array of
 * nodes linked by index, each pointing at its successor; matching walks
 * them recursively, trying alternatives and repetition counts in order and
 * backtracking on failure. Runs of plain characters advance in a loop and a
 * repeated single-character atom is matched greedily in a loop, so stack
 * depth grows with the pattern, not with the line.
 */
#include "regex.h"
#include "charclass.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum node_type {
	NODE_EMPTY,      /* joins branches; matches nothing */
	NODE_CHAR,       /* the byte in ch */
	NODE_ANY,        /* any byte */
	NODE_SET,        /* a byte in set[] */
	NODE_BOL,        /* start of text */
	NODE_EOL,        /* end of text */
	NODE_WORD_START, /* \< */
	NODE_WORD_END,   /* \> */
	NODE_WORD_EDGE,  /* \b */
	NODE_NOT_EDGE,   /* \B */
	NODE_OPEN,       /* start of group `group` */
	NODE_CLOSE,      /* end of group `group` */
	NODE_BACKREF,    /* the text group `group` matched */
	NODE_ALT,        /* try body, else the chain at `alt` */
	NODE_REPEAT,     /* body repeated min..max times (max -1: unbounded) */
	NODE_REPEAT_END, /* end of one iteration of the repeat at `group` */
	NODE_SIMPLE_REPEAT, /* single-character body, matched in a loop */
	NODE_MATCH,      /* the whole pattern matched */
};

struct node {
	enum node_type type;
	int next;              /* successor, -1 for none */
	int body, alt;         /* first node of a branch or repeated part */
	int min, max;
	int group;             /* group number, or the repeat for REPEAT_END */
	unsigned char ch;
	unsigned char set[32]; /* bitmap for NODE_SET */
};

struct regex {
	struct node *nodes;
	int count, cap;
	int start;
	int groups;
	int icase;
	/* matching state, one slot per node for repeats */
	int *iterations;
	size_t *iteration_start;
	const char *text;
	size_t len;
	long group_start[REGEX_GROUPS], group_end[REGEX_GROUPS];
	size_t match_end;
	int must_end;          /* a match has to end at the end of the text */
	int anchored;          /* the pattern starts with "^": only position 0 */
	int first_char;        /* the byte every match starts with, or -1 */
};

/* A compiled piece of pattern: first node and the one whose next is open. */
struct fragment {
	int first, last;
};

struct parser {
	struct regex *re;
	const char *p;
	int extended;
	const char *error;
	int open_groups;
};

static int new_node(struct parser *ps, enum node_type type)
{
	struct regex *re = ps->re;
	if (re->count == re->cap) {
		int cap = re->cap ? re->cap * 2 : 16;
		struct node *grown = realloc(re->nodes, (size_t)cap * sizeof(*grown));
		if (!grown) {
			ps->error = "Memory exhausted";
			return -1;
		}
		re->nodes = grown;
		re->cap = cap;
	}
	struct node *n = &re->nodes[re->count];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->next = n->body = n->alt = -1;
	return re->count++;
}

static struct fragment single(int index)
{
	struct fragment f = { index, index };
	return f;
}

static void link_to(struct parser *ps, struct fragment *f, struct fragment g)
{
	ps->re->nodes[f->last].next = g.first;
	f->last = g.last;
}

static void set_add(unsigned char *set, int c)
{
	set[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static int set_has(const unsigned char *set, int c)
{
	return set[c >> 3] & (1u << (c & 7));
}

/* Adds a byte, and with ignore-case its other case too. */
static void set_add_case(struct parser *ps, unsigned char *set, int c)
{
	set_add(set, c);
	if (ps->re->icase) {
		set_add(set, tolower(c));
		set_add(set, toupper(c));
	}
}

/* Parses "[:name:]" at ps->p (just past "[:") into set. */
static int parse_class(struct parser *ps, unsigned char *set)
{
	const char *end = strstr(ps->p, ":]");
	char_class_test test = end ? char_class_find(ps->p, (size_t)(end - ps->p)) : NULL;
	if (!test) {
		ps->error = end ? "Invalid character class name" : "Unmatched [, [^, [:, [., or [=";
		return -1;
	}
	for (int c = 0; c < 256; c++)
		if (test(c))
			set_add_case(ps, set, c);
	ps->p = end + 2;
	return 0;
}

/*
 * One byte of a bracket expression: itself, or a collating symbol "[.c.]"
 * or an equivalence class "[=c=]", both c alone in the C locale.
 */
static int parse_bracket_element(struct parser *ps)
{
	const char *p = ps->p;
	if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
		const char close[3] = { p[1], ']', '\0' };
		const char *end = strstr(p + 2, close);
		if (end != p + 3) {
			ps->error = end ? "Invalid collation character" : "Unmatched [, [^, [:, [., or [=";
			return -1;
		}
		ps->p += 5;
		return (unsigned char)p[2];
	}
	ps->p++;
	return (unsigned char)p[0];
}

/* Parses a bracket expression; ps->p is just past the '['. */
static int parse_bracket(struct parser *ps)
{
	int index = new_node(ps, NODE_SET);
	if (index < 0)
		return -1;
	unsigned char set[32] = { 0 };
	int negate = *ps->p == '^';
	if (negate)
		ps->p++;
	int first = 1;
	while (*ps->p && (*ps->p != ']' || first)) {
		first = 0;
		if (ps->p[0] == '[' && ps->p[1] == ':') {
			ps->p += 2;
			if (parse_class(ps, set) < 0)
				return -1;
			continue;
		}
		int low = parse_bracket_element(ps);
		if (low < 0)
			return -1;
		int high = low;
		if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
			high = (unsigned char)ps->p[1];
			ps->p += 2;
			if (high < low) {
				ps->error = "Invalid range end";
				return -1;
			}
		}
		for (int c = low; c <= high; c++)
			set_add_case(ps, set, c);
	}
	if (*ps->p != ']') {
		ps->error = "Unmatched [, [^, [:, [., or [=";
		return -1;
	}
	ps->p++;
	for (int i = 0; i < 32; i++)
		ps->re->nodes[index].set[i] = negate ? (unsigned char)~set[i] : set[i];
	return index;
}

/* A set node for \w \W \s \S. */
static int escape_set(struct parser *ps, int letter)
{
	int index = new_node(ps, NODE_SET);
	if (index < 0)
		return -1;
	int word = letter == 'w' || letter == 'W';
	int negate = isupper(letter);
	for (int c = 0; c < 256; c++) {
		int in = word ? (isalnum(c) || c == '_') : isspace(c);
		if (in != negate)
			set_add(ps->re->nodes[index].set, c);
	}
	return index;
}

static int char_node(struct parser *ps, int c)
{
	if (ps->re->icase && tolower(c) != toupper(c)) {
		int index = new_node(ps, NODE_SET);
		if (index >= 0)
			set_add_case(ps, ps->re->nodes[index].set, c);
		return index;
	}
	int index = new_node(ps, NODE_CHAR);
	if (index >= 0)
		ps->re->nodes[index].ch = (unsigned char)c;
	return index;
}

static int parse_alternation(struct parser *ps, struct fragment *out);

/* Parses a group's contents and its closing parenthesis. */
static int parse_group(struct parser *ps, struct fragment *out)
{
	int group = ++ps->re->groups;
	int open = new_node(ps, NODE_OPEN);
	if (open < 0)
		return -1;
	ps->open_groups++;
	struct fragment inner;
	if (parse_alternation(ps, &inner) < 0)
		return -1;
	const char *close = ps->extended ? ")" : "\\)";
	if (strncmp(ps->p, close, strlen(close)) != 0) {
		ps->error = "Unmatched ( or \\(";
		return -1;
	}
	ps->p += strlen(close);
	ps->open_groups--;
	int close_node = new_node(ps, NODE_CLOSE);
	if (close_node < 0)
		return -1;
	ps->re->nodes[open].group = group < REGEX_GROUPS ? group : 0;
	ps->re->nodes[close_node].group = group < REGEX_GROUPS ? group : 0;
	*out = single(open);
	link_to(ps, out, inner);
	link_to(ps, out, single(close_node));
	return 0;
}

/* Parses a backslash escape outside brackets; ps->p is past the '\'. */
static int parse_escape(struct parser *ps, struct fragment *out)
{
	int c = (unsigned char)*ps->p++;
	int index;
	if (c == '\0') {
		ps->error = "Trailing backslash";
		return -1;
	}
	if (!ps->extended && c == '(')
		return parse_group(ps, out);
	if (c >= '1' && c <= '9') {
		if (c - '0' > ps->re->groups) {
			ps->error = "Invalid back reference";
			return -1;
		}
		index = new_node(ps, NODE_BACKREF);
		if (index >= 0)
			ps->re->nodes[index].group = c - '0';
	} else if (strchr("wWsS", c)) {
		index = escape_set(ps, c);
	} else if (c == '<' || c == '>' || c == 'b' || c == 'B') {
		enum node_type type = c == '<' ? NODE_WORD_START : c == '>' ? NODE_WORD_END
			: c == 'b' ? NODE_WORD_EDGE : NODE_NOT_EDGE;
		index = new_node(ps, type);
	} else {
		index = char_node(ps, c);
	}
	if (index < 0)
		return -1;
	*out = single(index);
	return 0;
}

/* Whether ps->p is at the end of a branch (alternation, group end, end). */
static int at_branch_end(const struct parser *ps)
{
	const char *p = ps->p;
	if (*p == '\0')
		return 1;
	if (ps->extended)
		return *p == '|' || (*p == ')' && ps->open_groups > 0);
	return p[0] == '\\' && (p[1] == '|' || (p[1] == ')' && ps->open_groups > 0));
}

/* Parses one atom (without its repetition suffix). */
static int parse_atom(struct parser *ps, struct fragment *out, int at_start)
{
	int c = (unsigned char)*ps->p++;
	int index;
	if (c == '\\')
		return parse_escape(ps, out);
	if (c == '(' && ps->extended)
		return parse_group(ps, out);
	if (c == '[') {
		index = parse_bracket(ps);
	} else if (c == '.') {
		index = new_node(ps, NODE_ANY);
	} else if (c == '^' && (ps->extended || at_start)) {
		index = new_node(ps, NODE_BOL);
	} else if (c == '$' && (ps->extended || at_branch_end(ps))) {
		index = new_node(ps, NODE_EOL);
	} else {
		index = char_node(ps, c);
	}
	if (index < 0)
		return -1;
	*out = single(index);
	return 0;
}

/*
 * Parses "m", "m,", ",n" or "m,n" and the closing brace of an interval:
 * -1 if it is malformed, -2 if its bounds are out of order or too large.
 */
static int parse_interval(struct parser *ps, int *min, int *max)
{
	char *end;
	*min = 0;
	*max = -1;
	if (isdigit((unsigned char)*ps->p)) {
		*min = (int)strtol(ps->p, &end, 10);
		ps->p = end;
	}
	if (*ps->p == ',') {
		ps->p++;
		if (isdigit((unsigned char)*ps->p)) {
			*max = (int)strtol(ps->p, &end, 10);
			ps->p = end;
		}
	} else {
		*max = *min;
	}
	const char *close = ps->extended ? "}" : "\\}";
	if (strncmp(ps->p, close, strlen(close)) != 0) {
		ps->error = *ps->p ? "Invalid content of \\{\\}" : "Unmatched \\{";
		return -1;
	}
	ps->p += strlen(close);
	if ((*max >= 0 && *max < *min) || *min > 32767) {
		ps->error = "Invalid content of \\{\\}";
		return -2;
	}
	return 0;
}

/* Reads a repetition suffix if there is one: 1 found, 0 none, -1 error. */
static int parse_suffix(struct parser *ps, int *min, int *max)
{
	const char *p = ps->p;
	int ere = ps->extended;
	if (*p == '*') {
		ps->p++;
		*min = 0, *max = -1;
		return 1;
	}
	if ((ere && (*p == '+' || *p == '?')) || (!ere && p[0] == '\\' && (p[1] == '+' || p[1] == '?'))) {
		char op = ere ? p[0] : p[1];
		ps->p += ere ? 1 : 2;
		*min = op == '+';
		*max = op == '+' ? -1 : 1;
		return 1;
	}
	if (ere && p[0] == '{' && (isdigit((unsigned char)p[1]) || p[1] == ',')) {
		ps->p++;
		int result = parse_interval(ps, min, max);
		if (result != -1)
			return result == 0 ? 1 : -1;
		ps->p = p;  /* GNU: a "{" that starts no valid interval is literal */
		ps->error = NULL;
		return 0;
	}
	if (!ere && p[0] == '\\' && p[1] == '{') {
		ps->p += 2;
		return parse_interval(ps, min, max) < 0 ? -1 : 1;
	}
	return 0;
}

/* Wraps an atom into a repeat node. */
static int make_repeat(struct parser *ps, struct fragment *atom, int min, int max)
{
	struct node *nodes = ps->re->nodes;
	enum node_type type = nodes[atom->first].type;
	int simple = atom->first == atom->last
		&& (type == NODE_CHAR || type == NODE_ANY || type == NODE_SET);
	int repeat = new_node(ps, simple ? NODE_SIMPLE_REPEAT : NODE_REPEAT);
	if (repeat < 0)
		return -1;
	if (!simple) {
		int end = new_node(ps, NODE_REPEAT_END);
		if (end < 0)
			return -1;
		ps->re->nodes[end].group = repeat;
		ps->re->nodes[atom->last].next = end;
	}
	nodes = ps->re->nodes;
	nodes[repeat].body = atom->first;
	nodes[repeat].min = min;
	nodes[repeat].max = max;
	*atom = single(repeat);
	return 0;
}

/* Parses a sequence of atoms with their suffixes, up to a branch end. */
static int parse_branch(struct parser *ps, struct fragment *out)
{
	int first_index = new_node(ps, NODE_EMPTY);
	if (first_index < 0)
		return -1;
	*out = single(first_index);
	int at_start = 1;
	while (!at_branch_end(ps)) {
		struct fragment atom;
		if (ps->extended && at_start && (*ps->p == '*' || *ps->p == '+' || *ps->p == '?')) {
			ps->p++;  /* a leading repetition operator repeats nothing: GNU ignores it */
			continue;
		}
		if (!ps->extended && at_start && *ps->p == '*') {
			int index = char_node(ps, '*');
			if (index < 0)
				return -1;
			ps->p++;
			atom = single(index);
		} else if (parse_atom(ps, &atom, at_start) < 0) {
			return -1;
		}
		int is_bol = ps->re->nodes[atom.first].type == NODE_BOL;
		int min, max, found;
		while ((found = parse_suffix(ps, &min, &max)) > 0)
			if (make_repeat(ps, &atom, min, max) < 0)
				return -1;
		if (found < 0)
			return -1;
		link_to(ps, out, atom);
		at_start = is_bol && !ps->extended;  /* BRE: "^*" has a literal star */
	}
	return 0;
}

/* Parses branches separated by "|" (ERE) or "\|" (BRE). */
static int parse_alternation(struct parser *ps, struct fragment *out)
{
	struct fragment branch;
	if (parse_branch(ps, &branch) < 0)
		return -1;
	if (!(ps->extended ? *ps->p == '|' : (ps->p[0] == '\\' && ps->p[1] == '|'))) {
		*out = branch;
		return 0;
	}
	int join = new_node(ps, NODE_EMPTY);
	int alt = new_node(ps, NODE_ALT);
	if (join < 0 || alt < 0)
		return -1;
	*out = (struct fragment){ alt, join };
	for (;;) {
		ps->re->nodes[alt].body = branch.first;
		ps->re->nodes[branch.last].next = join;
		if (!(ps->extended ? *ps->p == '|' : (ps->p[0] == '\\' && ps->p[1] == '|')))
			return 0;
		ps->p += ps->extended ? 1 : 2;
		if (parse_branch(ps, &branch) < 0)
			return -1;
		int next_alt = new_node(ps, NODE_ALT);
		if (next_alt < 0)
			return -1;
		ps->re->nodes[alt].alt = next_alt;
		alt = next_alt;
	}
}

static struct regex *compile_fail(struct regex *re, const char **error, const char *message)
{
	*error = message;
	regex_free(re);
	return NULL;
}

/* Notes what every match must start with, to skip hopeless positions. */
static void find_first(struct regex *re)
{
	int index = re->start;
	re->first_char = -1;
	while (re->nodes[index].type == NODE_EMPTY || re->nodes[index].type == NODE_OPEN)
		index = re->nodes[index].next;
	if (re->nodes[index].type == NODE_BOL)
		re->anchored = 1;
	else if (re->nodes[index].type == NODE_CHAR)
		re->first_char = re->nodes[index].ch;
}

struct regex *regex_compile(const char *pattern, int flags, const char **error)
{
	struct regex *re = calloc(1, sizeof(*re));
	if (!re) {
		*error = "Memory exhausted";
		return NULL;
	}
	re->icase = (flags & REGEX_ICASE) != 0;
	struct parser ps = { re, pattern, (flags & REGEX_EXTENDED) != 0, NULL, 0 };
	struct fragment whole;
	if (parse_alternation(&ps, &whole) < 0)
		return compile_fail(re, error, ps.error);
	if (*ps.p)  /* only a stray close of a group can stop the parse early */
		return compile_fail(re, error, "Unmatched ) or \\)");
	int match = new_node(&ps, NODE_MATCH);
	if (match < 0)
		return compile_fail(re, error, ps.error);
	link_to(&ps, &whole, single(match));
	re->start = whole.first;
	find_first(re);
	re->iterations = calloc((size_t)re->count, sizeof(int));
	re->iteration_start = calloc((size_t)re->count, sizeof(size_t));
	if (!re->iterations || !re->iteration_start)
		return compile_fail(re, error, "Memory exhausted");
	return re;
}

void regex_free(struct regex *re)
{
	if (!re)
		return;
	free(re->nodes);
	free(re->iterations);
	free(re->iteration_start);
	free(re);
}

int regex_group_count(const struct regex *re)
{
	return re->groups;
}

/* --- matching --- */

static int is_word(const struct regex *re, size_t pos)
{
	if (pos >= re->len)
		return 0;
	unsigned char c = (unsigned char)re->text[pos];
	return isalnum(c) || c == '_';
}

/* Whether a single-character node matches the byte at pos. */
static int single_matches(const struct regex *re, const struct node *n, size_t pos)
{
	if (pos >= re->len)
		return 0;
	unsigned char c = (unsigned char)re->text[pos];
	switch (n->type) {
	case NODE_CHAR:
		return c == n->ch;
	case NODE_ANY:
		return 1;
	default:
		return set_has(n->set, c) != 0;
	}
}

static int assertion_holds(const struct regex *re, enum node_type type, size_t pos)
{
	int before = pos > 0 && is_word(re, pos - 1), after = is_word(re, pos);
	switch (type) {
	case NODE_BOL:
		return pos == 0;
	case NODE_EOL:
		return pos == re->len;
	case NODE_WORD_START:
		return !before && after;
	case NODE_WORD_END:
		return before && !after;
	case NODE_WORD_EDGE:
		return before != after;
	default:
		return before == after;
	}
}

static int match_here(struct regex *re, int index, size_t pos);

static int match_backref(struct regex *re, const struct node *n, size_t pos)
{
	long start = re->group_start[n->group], end = re->group_end[n->group];
	if (start < 0 || end < 0)
		return 0;
	size_t len = (size_t)(end - start);
	if (pos + len > re->len)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char a = (unsigned char)re->text[start + (long)i];
		unsigned char b = (unsigned char)re->text[pos + i];
		if (a != b && !(re->icase && tolower(a) == tolower(b)))
			return 0;
	}
	return match_here(re, n->next, pos + len);
}

/* Records a group boundary for the rest of the match, undone on failure. */
static int match_group_mark(struct regex *re, const struct node *n, size_t pos)
{
	long *slot = n->type == NODE_OPEN ? &re->group_start[n->group] : &re->group_end[n->group];
	long saved = *slot;
	*slot = (long)pos;
	if (match_here(re, n->next, pos))
		return 1;
	*slot = saved;
	return 0;
}

static int match_simple_repeat(struct regex *re, const struct node *n, size_t pos)
{
	const struct node *body = &re->nodes[n->body];
	size_t count = 0;
	while ((n->max < 0 || count < (size_t)n->max) && single_matches(re, body, pos + count))
		count++;
	for (;;) {
		if (count < (size_t)n->min)
			return 0;
		if (match_here(re, n->next, pos + count))
			return 1;
		if (count == 0)
			return 0;
		count--;
	}
}

/* Tries one more iteration of repeat `index`, else what follows it. */
static int repeat_continue(struct regex *re, int index, size_t pos)
{
	const struct node *n = &re->nodes[index];
	if (n->max < 0 || re->iterations[index] < n->max) {
		size_t saved_start = re->iteration_start[index];
		re->iteration_start[index] = pos;
		if (match_here(re, n->body, pos))
			return 1;
		re->iteration_start[index] = saved_start;
	}
	return re->iterations[index] >= n->min && match_here(re, n->next, pos);
}

static int match_repeat(struct regex *re, int index, size_t pos)
{
	int saved = re->iterations[index];
	size_t saved_start = re->iteration_start[index];
	re->iterations[index] = 0;
	int result = repeat_continue(re, index, pos);
	re->iterations[index] = saved;
	re->iteration_start[index] = saved_start;
	return result;
}

/* One iteration ended at pos; an empty one ends the loop (no endless loop). */
static int match_repeat_end(struct regex *re, int repeat, size_t pos)
{
	const struct node *n = &re->nodes[repeat];
	int saved = re->iterations[repeat];
	size_t saved_start = re->iteration_start[repeat];
	int result;
	re->iterations[repeat] = saved + 1;
	if (pos == saved_start) {
		if (re->iterations[repeat] < n->min)
			re->iterations[repeat] = n->min;
		result = match_here(re, n->next, pos);
	} else {
		result = repeat_continue(re, repeat, pos);
	}
	re->iterations[repeat] = saved;
	re->iteration_start[repeat] = saved_start;
	return result;
}

static int match_here(struct regex *re, int index, size_t pos)
{
	for (;;) {
		const struct node *n = &re->nodes[index];
		switch (n->type) {
		case NODE_EMPTY:
			break;
		case NODE_CHAR:
		case NODE_ANY:
		case NODE_SET:
			if (!single_matches(re, n, pos))
				return 0;
			pos++;
			break;
		case NODE_BOL: case NODE_EOL: case NODE_WORD_START:
		case NODE_WORD_END: case NODE_WORD_EDGE: case NODE_NOT_EDGE:
			if (!assertion_holds(re, n->type, pos))
				return 0;
			break;
		case NODE_OPEN:
		case NODE_CLOSE:
			return match_group_mark(re, n, pos);
		case NODE_BACKREF:
			return match_backref(re, n, pos);
		case NODE_ALT:
			for (; index >= 0; index = re->nodes[index].alt)
				if (match_here(re, re->nodes[index].body, pos))
					return 1;
			return 0;
		case NODE_SIMPLE_REPEAT:
			return match_simple_repeat(re, n, pos);
		case NODE_REPEAT:
			return match_repeat(re, index, pos);
		case NODE_REPEAT_END:
			return match_repeat_end(re, n->group, pos);
		case NODE_MATCH:
			if (re->must_end && pos != re->len)
				return 0;
			re->match_end = pos;
			return 1;
		}
		index = n->next;
	}
}

/* Tries a match starting exactly at pos and fills match on success. */
static int match_at(struct regex *re, size_t pos, struct regex_match *match)
{
	for (int g = 0; g < REGEX_GROUPS; g++)
		re->group_start[g] = re->group_end[g] = -1;
	if (!match_here(re, re->start, pos))
		return 0;
	if (match) {
		for (int g = 1; g < REGEX_GROUPS; g++) {
			int complete = re->group_start[g] >= 0 && re->group_end[g] >= 0;
			match->start[g] = complete ? re->group_start[g] : -1;
			match->end[g] = complete ? re->group_end[g] : -1;
		}
		match->start[0] = (long)pos;
		match->end[0] = (long)re->match_end;
	}
	return 1;
}

static void set_text(struct regex *re, const char *text, size_t len, int must_end)
{
	re->text = text;
	re->len = len;
	re->must_end = must_end;
}

int regex_search_from(struct regex *re, const char *text, size_t len, size_t from, struct regex_match *match)
{
	set_text(re, text, len, 0);
	if (re->anchored)
		return from == 0 && match_at(re, 0, match);
	for (size_t pos = from; pos <= len; pos++) {
		if (re->first_char >= 0) {
			const char *next = pos < len ? memchr(text + pos, re->first_char, len - pos) : NULL;
			if (!next)
				return 0;
			pos = (size_t)(next - text);
		}
		if (match_at(re, pos, match))
			return 1;
	}
	return 0;
}

int regex_search(struct regex *re, const char *text, size_t len, struct regex_match *match)
{
	return regex_search_from(re, text, len, 0, match);
}

int regex_match_start(struct regex *re, const char *text, size_t len, struct regex_match *match)
{
	set_text(re, text, len, 0);
	return match_at(re, 0, match);
}

int regex_match_full(struct regex *re, const char *text, size_t len)
{
	set_text(re, text, len, 1);
	return match_at(re, 0, NULL);
}
