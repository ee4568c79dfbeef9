/* The 8253/8254 programmable interval timer, channel 0, as the clock tick. */
#include "arch.h"
#include "cpu.h"

#define PIT_FREQUENCY 1193182u
#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43

void arch_timer_init(uint32_t hz)
{
	uint32_t divisor = (PIT_FREQUENCY + hz / 2) / hz;
	if (divisor > 0xffff)
		divisor = 0xffff;
	out8(PIT_COMMAND, 0x34);  /* channel 0, lobyte/hibyte, rate generator */
	out8(PIT_CHANNEL0, divisor & 0xff);
	out8(PIT_CHANNEL0, (divisor >> 8) & 0xff);
}
