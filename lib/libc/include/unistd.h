/*
 * POSIX <unistd.h>. For now only command-line option parsing; the system
 * call wrappers come with the process manager and the file system.
 */
#pragma once

extern char *optarg;  /* argument of the option just returned */
extern int optind;    /* index of the next argv element; set to 0 or 1 to restart */
extern int opterr;    /* nonzero: report errors through __libc_error_message */
extern int optopt;    /* the option character that caused the last error */

int getopt(int argc, char *const argv[], const char *optstring);

/* Processes (requests to PM; see lib/libc/sys/pm.c). */
#include <sys/types.h>

pid_t fork(void);
__attribute__((noreturn)) void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
int setpgid(pid_t pid, pid_t pgrp);
pid_t setsid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
gid_t getegid(void);
int kill(pid_t pid, int sig);  /* POSIX puts it in <signal.h>; declared here until that exists */
/* Samsara extension until VFS can exec files: run a program of the boot image. */
int execve_boot(const char *name, char *const argv[], char *const envp[]);

/* Files and descriptors (requests to VFS; see lib/libc/sys/vfs.c). */
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

int close(int fd);
ssize_t read(int fd, void *buf, size_t len);
ssize_t write(int fd, const void *buf, size_t len);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int isatty(int fd);
int unlink(const char *path);
int rmdir(const char *path);
int link(const char *existing, const char *name);
int symlink(const char *target, const char *name);
ssize_t readlink(const char *path, char *buf, size_t size);
int chown(const char *path, uid_t uid, gid_t gid);
int truncate(const char *path, off_t size);
int ftruncate(int fd, off_t size);
void sync(void);
extern char **environ;
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
int access(const char *path, int how);
unsigned sleep(unsigned seconds);  /* -> 0, or the seconds left when a signal's handler woke it */
unsigned alarm(unsigned seconds);  /* SIGALRM after seconds (0 cancels) -> seconds left of the old one */
int usleep(unsigned microseconds);
