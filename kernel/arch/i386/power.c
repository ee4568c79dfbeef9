/*
 * Power off and reboot. Tried in order: QEMU's isa-debug-exit device (tests
 * attach it so the exit status carries the code), ACPI soft-off as QEMU's
 * PIIX4 and Bochs implement it, Bochs's shutdown port, and finally a halt.
 */
#include "arch.h"
#include "cpu.h"

#define QEMU_DEBUG_EXIT 0xf4
#define QEMU_ACPI_PM1A 0x604
#define BOCHS_ACPI_PM1A 0xb004
#define BOCHS_SHUTDOWN 0x8900
#define ACPI_SLP_EN_S5 0x2000

static void reboot_via_keyboard_controller(void)
{
	for (int spins = 0; spins < 100000 && (in8(0x64) & 0x02); spins++)
		;
	out8(0x64, 0xfe);
}

void arch_shutdown(int how, int code)
{
	arch_console_flush();
	if (how == SHUTDOWN_REBOOT) {
		reboot_via_keyboard_controller();
	} else if (how == SHUTDOWN_POWEROFF) {
		out8(QEMU_DEBUG_EXIT, (uint8_t)code);
		out16(QEMU_ACPI_PM1A, ACPI_SLP_EN_S5);
		out16(BOCHS_ACPI_PM1A, ACPI_SLP_EN_S5);
		for (const char *s = "Shutdown"; *s; s++)
			out8(BOCHS_SHUTDOWN, (uint8_t)*s);
	}
	cpu_halt_forever();
}
