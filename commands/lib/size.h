/* Sizes with multiplier suffixes (dd) and human-readable sizes (du, df). */
#pragma once

#define HUMAN_SIZE 32  /* room for any human_size text */

/*
 * Parses a dd-style size: decimal digits with an optional suffix (c 1,
 * w 2, b 512, K M G T P E Z Y in powers of 1024, "KiB" the same, "kB" or
 * "KB" in powers of 1000), an optional final "B", and products such as
 * "2x512". 0, or -1 if text is not one or overflows.
 */
int parse_size(const char *text, unsigned long long *value);
/* value / unit, rounded up. */
unsigned long long divide_up(unsigned long long value, unsigned long long unit);
/* bytes as GNU's -h shows them ("512", "4.0K", "12M"), always rounded up. */
const char *human_size(unsigned long long bytes, char text[HUMAN_SIZE]);
