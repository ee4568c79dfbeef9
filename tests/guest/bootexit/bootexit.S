/*
 * bootexit: the smallest Multiboot kernel, which ends QEMU as soon as it
 * runs (a write to the isa-debug-exit port, QEMU exit status 0x63).
 * `./samsara bench` boots it through the same GRUB ISO path as Samsara to
 * measure what the emulator, the BIOS and GRUB cost on their own, so that
 * Samsara's boot time can be given as a ratio to it.
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000000
#define DEBUG_EXIT_PORT 0xf4
#define EXIT_VALUE 0x31         /* QEMU exits with (0x31 << 1) | 1 = 0x63 */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .text
	.globl _start
_start:
	cli
	mov $EXIT_VALUE, %al
	outb %al, $DEBUG_EXIT_PORT
1:	hlt                     /* no exit device: stay here */
	jmp 1b

	.section .note.GNU-stack, "", @progbits
