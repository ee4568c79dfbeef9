/*
 * The operand convention of cp, mv and ln: "SOURCE DEST", or
 * "SOURCE... DIRECTORY" when the last operand is a directory.
 */
#pragma once

/*
 * Calls act(source, destination, context) for each source and returns the
 * OR of the results; reports missing operands and a non-directory target
 * (with usage, status 1) as GNU does. If allow_single, one operand means
 * "into the current directory" (ln).
 */
int for_each_target(int argc, char **argv, int first, int allow_single,
	int (*act)(const char *source, const char *destination, void *context), void *context,
	const char *usage);
