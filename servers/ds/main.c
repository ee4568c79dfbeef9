/*
 * DS, the data store: typed values under string keys, owned by service
 * labels, with subscriptions. It is also the name service: every service
 * publishes its endpoint under its label (RS will take that over). The
 * store is mirrored in RS's memory (mirror.c), so a restarted DS has it back.
 */
#include <service.h>
#include "mirror.h"
#include "request.h"
#include "store.h"

static const request_handler handlers[] = {
	[DS_PUBLISH - DS_BASE] = do_publish,
	[DS_RETRIEVE - DS_BASE] = do_retrieve,
	[DS_DELETE - DS_BASE] = do_delete,
	[DS_SUBSCRIBE - DS_BASE] = do_subscribe,
	[DS_CHECK - DS_BASE] = do_check,
	[DS_MIRROR - DS_BASE] = do_mirror,
};

static void notify_subscriber(endpoint_t ep)
{
	ipc_notify(ep);
}

static int ds_init(bool restarted)
{
	store_reset();
	store_notify = notify_subscriber;
	if (restarted)
		mirror_wait_for_rs();    /* the store comes back before anyone is answered */
	return 0;
}

static const struct service ds_service = {
	.label = "ds",
	.base = DS_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = ds_init,
};

int main(int argc, char **argv)
{
	service_run(&ds_service, argc, argv);
}
