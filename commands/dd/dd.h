/* dd: the settings its operands make (operands.c) and the copy (dd.c). */
#pragma once

enum dd_status { STATUS_DEFAULT, STATUS_NOXFER, STATUS_NONE };

/* A count of blocks, or of bytes when its operand ended in 'B' ("count=10B"). */
struct dd_amount {
	unsigned long long value;
	int bytes;
};

struct dd_settings {
	const char *input, *output;     /* NULL: standard input, output */
	unsigned long long input_block;  /* ibs= (or bs=) */
	unsigned long long output_block; /* obs= (or bs=) */
	int whole_blocks;               /* bs=: each block read is written as it is */
	struct dd_amount count, skip, seek;
	int count_set;                  /* count= given; else copy to end of input */
	int notrunc;                    /* conv=notrunc: keep the rest of the output */
	int sync;                       /* conv=sync: pad short input blocks with NULs */
	int noerror;                    /* conv=noerror: go on after a read error */
	int excl, nocreat;              /* conv=excl, conv=nocreat */
	enum dd_status status;
};

#define DD_USAGE "dd [if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N] [seek=N] " \
	"[conv=notrunc,sync,noerror,excl,nocreat] [status=none|noxfer|progress]"

/* Fills settings from the operands; reports a bad one and exits. */
void dd_parse_operands(int argc, char **argv, struct dd_settings *settings);
