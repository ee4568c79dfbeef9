/*
 * ktest: the kernel's self-test, run as the first boot-image process. It
 * forks children to play the parts each test needs and reports in TAP on
 * the console, then powers the machine off with a status that says whether
 * every test passed.
 */
#pragma once

#include <libsys.h>
#include <stdio.h>
#include <string.h>
#include "../common/tap.h"


/* Starts a child that runs fn(arg) and exits with its return value. */
endpoint_t spawn(int (*fn)(uint32_t), uint32_t arg);
/* Waits for the kernel's report about child; returns its kind, fills *out. */
int wait_report(endpoint_t child, struct msg_kreport *out);
/* Kills child if it still exists and consumes nothing else. */
void reap(endpoint_t child);
/* Waits until ep is blocked in IPC (sending or receiving). */
void wait_blocked(endpoint_t ep);
/* Sleeps for ticks clock ticks. */
void sleep_ticks(uint32_t ticks);

extern endpoint_t self_ep;

void ipc_tests(void);
void grant_tests(void);
void privilege_tests(void);
void fault_tests(void);
void sched_tests(void);
void exec_tests(void);
void image_tests(void);
