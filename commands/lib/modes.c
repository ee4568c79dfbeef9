/* File modes in words and letters, for ls -l and stat. */
#include "cmd.h"

static char type_letter(mode_t mode)
{
	if (S_ISDIR(mode)) return 'd';
	if (S_ISLNK(mode)) return 'l';
	if (S_ISCHR(mode)) return 'c';
	if (S_ISBLK(mode)) return 'b';
	if (S_ISFIFO(mode)) return 'p';
	if ((mode & S_IFMT) == S_IFSOCK) return 's';
	return '-';
}

void mode_string(mode_t mode, char text[11])
{
	static const char letters[] = "rwxrwxrwx";
	text[0] = type_letter(mode);
	for (int i = 0; i < 9; i++)
		text[i + 1] = (mode & (0400u >> i)) ? letters[i] : '-';
	if (mode & S_ISUID)
		text[3] = (mode & 0100) ? 's' : 'S';
	if (mode & S_ISGID)
		text[6] = (mode & 0010) ? 's' : 'S';
	if (mode & S_ISVTX)
		text[9] = (mode & 0001) ? 't' : 'T';
	text[10] = '\0';
}

const char *file_type_name(mode_t mode, long long size)
{
	if (S_ISREG(mode)) return size == 0 ? "regular empty file" : "regular file";
	if (S_ISDIR(mode)) return "directory";
	if (S_ISLNK(mode)) return "symbolic link";
	if (S_ISCHR(mode)) return "character special file";
	if (S_ISBLK(mode)) return "block special file";
	if (S_ISFIFO(mode)) return "fifo";
	if ((mode & S_IFMT) == S_IFSOCK) return "socket";
	return "weird file";
}
