/*
 * rsbench: what recovery costs.
 *  1. Recovery latency per driver: ROUNDS crashes (a NULL dereference
 *     injected through RS) of ata, memory, tty and ds, one at a time; RS
 *     measures each from the fault report to the new instance's first
 *     heartbeat answer. Median and maximum in microseconds of guest time
 *     (rdtsc against the clock; exact under -icount, where 1 tsc unit is
 *     1 ns).
 *  2. Throughput under faults: a file read PASSES times with no faults, then
 *     again while a child crashes ata once a second, alternating, twice
 *     each; the ratio of the fastest of each is the throughput kept.
 * It runs as a boot program (like init) with the system and a disk, and
 * powers off when done. Wall-clock only: under QEMU's -icount an idle guest's
 * clock jumps ahead while QEMU does disk I/O, which fires ata's timeouts.
 * Built as rslatency (RSBENCH_LATENCY_ONLY), it measures recovery latency
 * only, which reads a few sectors at most (ata's restart: the partition
 * table), for -icount: guest time, 1 ns an instruction, exact for memory and
 * tty; ata's figure also holds the emulated disk's waits as QEMU's virtual
 * clock counts them.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libsys.h>

#define ROUNDS 25
#define FILE_PATH "/home/rsbench.data"
#define FILE_SIZE (8u << 20)
#define PASSES 4
#define THROUGHPUT_ROUNDS 2
#define CHUNK (64u * 1024)

static int rs_call(int type, message *m)
{
	endpoint_t rs = sys_find_label("rs");
	m->type = type;
	int r = ipc_sendrec(rs, m);
	return r < 0 ? r : m->type;
}

static int status_of(const char *label, struct rs_status *st)
{
	for (uint32_t i = 0;; i++) {
		message m = { 0 };
		grant_id_t g = sys_grant(sys_find_label("rs"), st, sizeof(*st), GRANT_WRITE);
		m.rs.index = i;
		m.rs.grant = g;
		m.rs.len = sizeof(*st);
		int r = rs_call(RS_STATUS, &m);
		sys_revoke(g);
		if (r < 0)
			return r;
		if (strcmp(st->label, label) == 0)
			return 0;
	}
}

static int inject(const char *label, uint32_t kind)
{
	message m = { 0 };
	strlcpy(m.rs.label, label, sizeof(m.rs.label));
	m.rs.kind = kind;
	int r;
	while ((r = rs_call(RS_FI, &m)) == -EAGAIN || r == -ESRCH)
		usleep(10000);
	return r;
}

/* No backoff and no "failed" state for label: the benchmark crashes it often. */
static void tolerate(const char *label)
{
	message m = { 0 };
	strlcpy(m.rs.label, label, sizeof(m.rs.label));
	m.rs.max_restarts = 1000;
	m.rs.backoff_ms = 0;
	rs_call(RS_SET, &m);
}

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static void latency(const char *label)
{
	static uint32_t us[ROUNDS];
	struct rs_status st = { 0 };
	tolerate(label);
	for (int i = 0; i < ROUNDS; i++) {
		if (status_of(label, &st) < 0)
			return;
		uint32_t before = st.restarts;
		inject(label, FI_NULL);
		do {
			usleep(10000);
			status_of(label, &st);
		} while (st.restarts == before || st.state != RS_RUNNING || st.last_recovery_us == 0 ||
			 st.last_reason != RS_REASON_FAULT);
		/* wait for the answer that ends the recovery to be counted */
		us[i] = st.last_recovery_us;
		usleep(20000);
		status_of(label, &st);
		us[i] = st.last_recovery_us;
	}
	qsort(us, ROUNDS, sizeof(us[0]), compare_u32);
	printf("bench: recovery of %-7s over %d crashes: median %u us, max %u us\n", label, ROUNDS,
	       us[ROUNDS / 2], us[ROUNDS - 1]);
}

static char buf[CHUNK];

static uint64_t read_passes(void)
{
	uint64_t t0 = read_tsc();
	for (int pass = 0; pass < PASSES; pass++) {
		int fd = open(FILE_PATH, O_RDONLY);
		if (fd < 0) {
			perror("rsbench: " FILE_PATH);
			return 0;
		}
		ssize_t n;
		while ((n = read(fd, buf, CHUNK)) > 0)
			;
		close(fd);
		if (n < 0) {
			perror("rsbench: read");
			return 0;
		}
	}
	return read_tsc() - t0;
}

static void throughput(void)
{
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		perror("rsbench: " FILE_PATH);
	for (uint32_t i = 0; i < CHUNK; i++)
		buf[i] = (char)('a' + i % 26);
	for (uint32_t done = 0; fd >= 0 && done < FILE_SIZE; done += CHUNK)
		write(fd, buf, CHUNK);
	close(fd);
	sync();
	tolerate("ata");
	uint64_t clean = UINT64_MAX, faulty = UINT64_MAX;
	for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
		uint64_t t = read_passes();
		clean = t < clean ? t : clean;
		pid_t crasher = fork();
		if (crasher == 0) {
			for (;;) {
				sleep(1);
				inject("ata", FI_NULL);
			}
		}
		t = read_passes();
		faulty = t < faulty ? t : faulty;
		kill(crasher, SIGKILL);
		waitpid(crasher, NULL, 0);
	}
	struct rs_status st = { 0 };
	status_of("ata", &st);
	uint64_t kept = faulty ? clean * 1000 / faulty : 0;
	printf("bench: reading %u MiB: %llu tsc without faults, %llu with ata crashed every second\n",
	       PASSES * (FILE_SIZE >> 20), (unsigned long long)clean, (unsigned long long)faulty);
	printf("bench: throughput kept under one ata crash a second: %llu.%llu%% (ata restarts so far: %u)\n",
	       (unsigned long long)(kept / 10), (unsigned long long)(kept % 10), st.restarts);
	unlink(FILE_PATH);
}

#ifdef RSBENCH_LATENCY_ONLY
#define WITH_THROUGHPUT 0
#else
#define WITH_THROUGHPUT 1
#endif

int main(void)
{
	sleep(1);   /* RS converts tsc to time at the rate it has seen against the clock */
	latency("ata");
	latency("memory");
	latency("tty");
	latency("ds");
	if (WITH_THROUGHPUT)
		throughput();
	printf("bench: done\n");
	reboot(RB_POWEROFF);
	return 0;
}
