/*
 * kecho: a boot-image server for the kernel tests and the IPC benchmark.
 * It answers every request at once with the same message. The reply goes
 * out with sendnb, so a client that sent without waiting cannot block it.
 */
#include <libsys.h>

#define ECHO_EXIT 0x4543  /* a request that makes kecho exit after replying */

int main(void)
{
	message m;
	for (;;) {
		if (ipc_receive(ANY, &m) < 0)
			continue;
		if (m.type == NOTIFY_MESSAGE || m.type == KREPORT_MESSAGE)
			continue;
		endpoint_t client = m.source;
		ipc_sendnb(client, &m);
		if (m.type == ECHO_EXIT)
			return 0;
	}
}
