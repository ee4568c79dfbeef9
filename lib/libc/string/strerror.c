/*
 * strerror: a readable message for each error number. The POSIX ones read
 * as they do on other Unix systems; Samsara's own IPC errors explain what
 * happened to the message.
 */
#include <string.h>
#include <errno.h>

static const char *const messages[] = {
	[0]            = "Success",
	[EPERM]        = "Operation not permitted",
	[ENOENT]       = "No such file or directory",
	[ESRCH]        = "No such process",
	[EINTR]        = "Interrupted system call",
	[EIO]          = "Input/output error",
	[ENXIO]        = "No such device or address",
	[E2BIG]        = "Argument list too long",
	[ENOEXEC]      = "Exec format error",
	[EBADF]        = "Bad file descriptor",
	[ECHILD]       = "No child processes",
	[EAGAIN]       = "Resource temporarily unavailable",
	[ENOMEM]       = "Cannot allocate memory",
	[EACCES]       = "Permission denied",
	[EFAULT]       = "Bad address",
	[ENOTBLK]      = "Block device required",
	[EBUSY]        = "Device or resource busy",
	[EEXIST]       = "File exists",
	[EXDEV]        = "Invalid cross-device link",
	[ENODEV]       = "No such device",
	[ENOTDIR]      = "Not a directory",
	[EISDIR]       = "Is a directory",
	[EINVAL]       = "Invalid argument",
	[ENFILE]       = "Too many open files in system",
	[EMFILE]       = "Too many open files",
	[ENOTTY]       = "Inappropriate ioctl for device",
	[ETXTBSY]      = "Text file busy",
	[EFBIG]        = "File too large",
	[ENOSPC]       = "No space left on device",
	[ESPIPE]       = "Illegal seek",
	[EROFS]        = "Read-only file system",
	[EMLINK]       = "Too many links",
	[EPIPE]        = "Broken pipe",
	[EDOM]         = "Numerical argument out of domain",
	[ERANGE]       = "Numerical result out of range",
	[EDEADLK]      = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ENOLCK]       = "No locks available",
	[ENOSYS]       = "Function not implemented",
	[ENOTEMPTY]    = "Directory not empty",
	[ELOOP]        = "Too many levels of symbolic links",
	[EOVERFLOW]    = "Value too large for defined data type",
	[EILSEQ]       = "Invalid or incomplete multibyte or wide character",
	[EOPNOTSUPP]   = "Operation not supported",
	[EDEADSRCDST]  = "IPC peer is dead or was replaced",
	[ELOCKED]      = "IPC send would deadlock in a cycle of senders",
	[ECALLDENIED]  = "IPC call or target not permitted",
	[EBADEPT]      = "Invalid IPC endpoint",
	[EBADGRANT]    = "Invalid or revoked memory grant",
	[ENOTREADY]    = "Nothing pending",
	[EDONTREPLY]   = "Reply deferred",
	[ETIMEDOUT]    = "Connection timed out",
	[ECANCELED]    = "Operation canceled",
};

/* Unknown numbers get one fixed text, so no buffer is shared between calls. */
char *strerror(int error)
{
	if (error >= 0 && (size_t)error < sizeof(messages) / sizeof(messages[0]) && messages[error])
		return (char *)messages[error];
	return "Unknown error";
}
