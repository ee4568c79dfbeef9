/*
 * Character classes and case mapping in the C locale. Each function takes
 * an unsigned char value or EOF and returns nonzero when the character is
 * in the class; any other value is in no class.
 */
#pragma once

int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);
