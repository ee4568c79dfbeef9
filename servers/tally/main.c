/*
 * tally: the demo of a system service started from a file, not from the
 * boot image (`service up /sbin/tally -label L`). It takes its label from
 * the kernel, publishes itself in DS under it, and answers TALLY_ADD with a
 * running total. The total and the number of starts are saved in DS on
 * every change, so an instance that RS restarts carries on where the last
 * one stopped.
 */
#include <string.h>
#include <service.h>

struct tally_state {
	uint32_t total;
	uint32_t starts;
};

static struct tally_state state;
static bool restored;

static int tally_init(bool restarted)
{
	restored = restarted &&
		   service_restore_state("state", &state, sizeof(state)) == (int)sizeof(state);
	state.starts++;
	service_save_state("state", &state, sizeof(state));
	service_log("%s; total %u, start %u", restored ? "restarted; total restored" : "started",
		    (unsigned)state.total, (unsigned)state.starts);
	return 0;
}

static int do_add(message *m)
{
	uint32_t amount = m->tally.amount;
	if (amount > TALLY_MAX_AMOUNT || state.total > UINT32_MAX - amount)
		return -EINVAL;
	if (amount) {
		state.total += amount;
		int r = service_save_state("state", &state, sizeof(state));
		if (r < 0) {
			state.total -= amount;
			return r;
		}
	}
	memset(&m->tally, 0, sizeof(m->tally));
	m->tally.total = state.total;
	m->tally.starts = state.starts;
	m->tally.restarted = restored;
	return 0;
}

static const request_handler handlers[] = {
	[TALLY_ADD - TALLY_BASE] = do_add,
};

static const struct service tally_service = {
	.label = NULL,                 /* the label it was started under */
	.base = TALLY_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = tally_init,
};

int main(int argc, char **argv)
{
	service_run(&tally_service, argc, argv);
}
