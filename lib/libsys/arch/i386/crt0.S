/*
 * Program entry. The kernel (or PM) starts a program with esp pointing at
 * argc, then the argv pointers, NULL, the envp pointers, NULL.
 */
	.section .text
	.globl _start
_start:
	xor %ebp, %ebp
	mov (%esp), %eax            /* argc */
	lea 4(%esp), %ebx           /* argv */
	lea 8(%esp,%eax,4), %ecx    /* envp */
	mov %ecx, environ           /* libc's environment starts as the one given */
	and $-16, %esp
	sub $4, %esp
	push %ecx
	push %ebx
	push %eax
	call main
	push %eax
	call exit
1:	ud2
	jmp 1b

	.section .note.GNU-stack, "", @progbits
