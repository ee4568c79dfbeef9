/*
 * Trap entry and exit. From ring 3 the CPU switches to the stack named by the
 * TSS, which points at the end of the current process's register frame, so
 * the pushes below save the process's state directly into its table entry;
 * then the stub moves to the one kernel stack and calls C. The kernel never
 * blocks inside a trap: C ends every trap by choosing a process and calling
 * arch_return_to_user(), which restores that process's frame and irets.
 *
 * Kernel data segments: ds/es hold the flat ring-3 data selector in the kernel
 * as well (the kernel is protected by paging, not segments), so exit need not
 * reload them; entry reloads them in case the program loaded a null selector.
 */
#define SEL_USER_DS 0x23
#define FRAME_OFFSET_CS 44

	.section .text

.macro EXCEPTION_NOERR vector
	.globl trap_vector_\vector
trap_vector_\vector:
	pushl $0
	pushl $\vector
	jmp trap_common
.endm

.macro EXCEPTION_ERR vector
	.globl trap_vector_\vector
trap_vector_\vector:
	pushl $\vector
	jmp trap_common
.endm

EXCEPTION_NOERR 0
EXCEPTION_NOERR 1
EXCEPTION_NOERR 2
EXCEPTION_NOERR 3
EXCEPTION_NOERR 4
EXCEPTION_NOERR 5
EXCEPTION_NOERR 6
EXCEPTION_NOERR 7
EXCEPTION_ERR   8
EXCEPTION_NOERR 9
EXCEPTION_ERR   10
EXCEPTION_ERR   11
EXCEPTION_ERR   12
EXCEPTION_ERR   13
EXCEPTION_ERR   14
EXCEPTION_NOERR 15
EXCEPTION_NOERR 16
EXCEPTION_ERR   17
EXCEPTION_NOERR 18
EXCEPTION_NOERR 19
EXCEPTION_NOERR 20
EXCEPTION_ERR   21
EXCEPTION_NOERR 22
EXCEPTION_NOERR 23
EXCEPTION_NOERR 24
EXCEPTION_NOERR 25
EXCEPTION_NOERR 26
EXCEPTION_NOERR 27
EXCEPTION_NOERR 28
EXCEPTION_NOERR 29
EXCEPTION_ERR   30
EXCEPTION_NOERR 31
/* hardware interrupts, remapped to 32..47 */
.irp v, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
EXCEPTION_NOERR \v
.endr
EXCEPTION_NOERR 129     /* kernel calls */

trap_common:
	pusha
	movl $SEL_USER_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %esp, %eax
	testl $3, FRAME_OFFSET_CS(%esp)
	jz 1f
	movl $kernel_stack_top, %esp
	pushl %eax
	call arch_trap_from_user        /* does not return */
1:	pushl %eax                      /* a trap while in the kernel */
	call arch_trap_from_kernel
	addl $4, %esp
	popa
	addl $8, %esp
	iret

/*
 * IPC: the hot path gets a stub of its own, with no vector dispatch.
 * eax = primitive, ebx = endpoint, ecx = message address.
 */
	.globl trap_vector_128
trap_vector_128:
	subl $8, %esp                   /* vector and error code: unused */
	pusha
	movl $SEL_USER_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %esp, %eax
	movl $kernel_stack_top, %esp
	pushl %eax
	call ipc_trap                   /* does not return */

/* void arch_return_to_user(struct trapframe *frame) */
	.globl arch_return_to_user
arch_return_to_user:
	movl 4(%esp), %esp
	popa
	addl $8, %esp
	iret

	.section .note.GNU-stack, "", @progbits
