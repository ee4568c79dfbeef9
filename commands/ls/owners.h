/* User and group names for ls -l, from /etc/passwd and /etc/group. */
#pragma once

/* The name of user (group == 0) or group id, or NULL if there is none. */
const char *owner_name(unsigned id, int group);
