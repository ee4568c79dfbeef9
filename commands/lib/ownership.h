/* chown and chgrp, one body (ownership.c). */
#pragma once

/* The whole command; group_only for chgrp. Returns the exit status. */
int ownership_main(int argc, char **argv, int group_only, const char *usage);
