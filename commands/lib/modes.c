/* File modes in words and letters, for ls -l and stat. */
#include "cmd.h"

/* Each file type: ls's letter and stat's words. */
static const struct file_type {
	mode_t type;
	char letter;
	const char *name;
} file_types[] = {
	{ S_IFREG, '-', "regular file" },
	{ S_IFDIR, 'd', "directory" },
	{ S_IFLNK, 'l', "symbolic link" },
	{ S_IFCHR, 'c', "character special file" },
	{ S_IFBLK, 'b', "block special file" },
	{ S_IFIFO, 'p', "fifo" },
	{ S_IFSOCK, 's', "socket" },
};

static const struct file_type *file_type_of(mode_t mode)
{
	for (size_t i = 0; i < sizeof(file_types) / sizeof(file_types[0]); i++)
		if ((mode & S_IFMT) == file_types[i].type)
			return &file_types[i];
	return NULL;
}

void mode_string(mode_t mode, char text[11])
{
	static const char letters[] = "rwxrwxrwx";
	const struct file_type *type = file_type_of(mode);
	text[0] = type ? type->letter : '-';
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
	const struct file_type *type = file_type_of(mode);
	if (!type)
		return "weird file";
	return type->type == S_IFREG && size == 0 ? "regular empty file" : type->name;
}
