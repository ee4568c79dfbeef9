/*
 * Multiboot (v1) header and the first instructions. GRUB and QEMU's -kernel
 * loader enter here in 32-bit protected mode, paging off, with eax holding the
 * Multiboot magic and ebx the physical address of the information structure.
 * The kernel runs identity-mapped, so no relocation is needed before C.
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003   /* page-align modules, give memory map */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .bss
	.align 16
	.globl kernel_stack_bottom, kernel_stack_top
kernel_stack_bottom:
	.skip 16384
kernel_stack_top:

	.section .text
	.globl _start
_start:
	cli
	mov $kernel_stack_top, %esp
	xor %ebp, %ebp          /* ends the backtrace */
	push %ebx               /* multiboot info */
	push %eax               /* magic */
	call kmain
1:	cli
	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
