/*
 * Shell-style wildcard matching, as fnmatch(3) with no flags (Samsara's
 * libc has no fnmatch): "*" any string, "?" any byte, "[...]" a bracket
 * expression with ranges, "!" or "^" negation and [:class:], "\" quotes the
 * next byte. A "[" without its "]" is an ordinary byte. "*" and "?" match
 * "/" and a leading "." too (find -name).
 */
#pragma once

/* Whether the whole of name matches pattern. */
int glob_match(const char *pattern, const char *name);
