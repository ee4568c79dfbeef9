/* DS's request handlers (request.c), dispatched from main.c. */
#pragma once

#include <libsys.h>

int do_publish(message *m);
int do_retrieve(message *m);
int do_delete(message *m);
int do_subscribe(message *m);
int do_check(message *m);
int do_mirror(message *m);
