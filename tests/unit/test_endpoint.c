/* Unit tests for the endpoint encoding in <samsara/endpoint.h>. */
#include <samsara/endpoint.h>

#include "unit.h"

static const int sample_generations[] = {
	1, 2, 3, 255, 256, 1023, 1024, 65535, 65536,
	ENDPOINT_GEN_MAX / 2, ENDPOINT_GEN_MAX - 1, ENDPOINT_GEN_MAX,
};

#define NR_SAMPLES (int)(sizeof(sample_generations) / sizeof(sample_generations[0]))

static void endpoint_limits_match_the_encoding(void)
{
	CHECK(ENDPOINT_MAX_SLOTS == 1024);
	CHECK(ENDPOINT_GEN_MAX == (1 << 21) - 1);
	CHECK(endpoint_make(ENDPOINT_MAX_SLOTS - 1, ENDPOINT_GEN_MAX) == INT32_MAX);
}

static void endpoint_round_trips_every_slot_and_generation(void)
{
	int bad = 0;
	for (int slot = 0; slot < ENDPOINT_MAX_SLOTS; slot++) {
		for (int i = 0; i < NR_SAMPLES; i++) {
			endpoint_t ep = endpoint_make(slot, sample_generations[i]);
			bad += endpoint_slot(ep) != slot;
			bad += endpoint_generation(ep) != sample_generations[i];
		}
	}
	CHECK(bad == 0);
}

static void endpoint_of_real_process_is_positive_and_a_process(void)
{
	int bad = 0;
	for (int slot = 0; slot < ENDPOINT_MAX_SLOTS; slot++) {
		for (int i = 0; i < NR_SAMPLES; i++) {
			endpoint_t ep = endpoint_make(slot, sample_generations[i]);
			bad += ep <= 0;
			bad += !endpoint_is_process(ep);
		}
	}
	CHECK(bad == 0);
}

static void endpoint_generations_of_one_slot_are_distinct(void)
{
	for (int i = 0; i < NR_SAMPLES; i++) {
		for (int j = i + 1; j < NR_SAMPLES; j++) {
			CHECK(endpoint_make(7, sample_generations[i]) !=
			      endpoint_make(7, sample_generations[j]));
		}
	}
	CHECK(endpoint_make(0, 1) != endpoint_make(1, 1));
}

static void endpoint_special_values_are_not_processes(void)
{
	const endpoint_t special[] = { ANY, NONE, SELF, HARDWARE, CLOCK, KERNEL };
	for (unsigned i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		CHECK(special[i] < 0);
		CHECK(!endpoint_is_process(special[i]));
	}
	CHECK(!endpoint_is_process(INT32_MIN));
}

static void endpoint_special_values_are_distinct(void)
{
	const endpoint_t special[] = { ANY, NONE, SELF, HARDWARE, CLOCK, KERNEL };
	const unsigned n = sizeof(special) / sizeof(special[0]);
	for (unsigned i = 0; i < n; i++) {
		for (unsigned j = i + 1; j < n; j++)
			CHECK(special[i] != special[j]);
	}
}

static void endpoint_with_generation_zero_is_not_a_process(void)
{
	CHECK(!endpoint_is_process(0));
	CHECK(!endpoint_is_process(endpoint_make(1, 0)));
	CHECK(!endpoint_is_process(endpoint_make(ENDPOINT_MAX_SLOTS - 1, 0)));
}

static void endpoint_next_generation_counts_up(void)
{
	CHECK(endpoint_next_generation(1) == 2);
	CHECK(endpoint_next_generation(1000) == 1001);
	CHECK(endpoint_next_generation(ENDPOINT_GEN_MAX - 1) == ENDPOINT_GEN_MAX);
}

static void endpoint_generation_wraps_to_one_never_zero(void)
{
	CHECK(endpoint_next_generation(ENDPOINT_GEN_MAX) == 1);
	int g = ENDPOINT_GEN_MAX - 3;
	for (int i = 0; i < 8; i++) {
		g = endpoint_next_generation(g);
		CHECK(g >= 1 && g <= ENDPOINT_GEN_MAX);
	}
	CHECK(g == 5);
}

static void endpoint_reused_slot_gets_a_new_endpoint(void)
{
	int g = ENDPOINT_GEN_MAX;
	endpoint_t old = endpoint_make(42, g);
	endpoint_t reused = endpoint_make(42, endpoint_next_generation(g));
	CHECK(old != reused);
	CHECK(endpoint_slot(reused) == 42);
	CHECK(endpoint_is_process(reused));
}

int main(void)
{
	RUN(endpoint_limits_match_the_encoding);
	RUN(endpoint_round_trips_every_slot_and_generation);
	RUN(endpoint_of_real_process_is_positive_and_a_process);
	RUN(endpoint_generations_of_one_slot_are_distinct);
	RUN(endpoint_special_values_are_not_processes);
	RUN(endpoint_special_values_are_distinct);
	RUN(endpoint_with_generation_zero_is_not_a_process);
	RUN(endpoint_next_generation_counts_up);
	RUN(endpoint_generation_wraps_to_one_never_zero);
	RUN(endpoint_reused_slot_gets_a_new_endpoint);
	return unit_summary();
}
