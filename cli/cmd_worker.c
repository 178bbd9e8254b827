/* cmd_worker.c: `dateline worker` stores articles from a Redis Stream. */
#include "cli.h"
#include "store_cli.h"
#include "worker/worker.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_worker(int argc, char **argv);

static const char usage[] =
    "usage: dateline worker --redis URL --stream S --group G [--consumer NAME] [--db PATH]\n"
    "                       [--batch N] [--block MS] [--claim-idle MS] [--max-deliveries N]\n"
    "                       [--dead STREAM] [--drain]\n"
    "\n"
    "Reads article messages (as `dateline enqueue` writes them) from the Redis\n"
    "Stream S as consumer NAME (default: host-pid) of group G (created when\n"
    "missing), runs the whole pipeline and stores them as `ingest` does (--db,\n"
    "else $DATELINE_DB, else ./dateline.db). A batch (--batch, default 50) is\n"
    "one store transaction, and its messages are acknowledged only once it\n"
    "committed: a worker killed mid-batch loses nothing, and what it held is\n"
    "taken over (XAUTOCLAIM) by a worker of the group once it has been pending\n"
    "--claim-idle ms (default 30000). Articles are keyed by content, so a\n"
    "message delivered twice is stored once. A message that fails\n"
    "--max-deliveries times (default 3), or has no text, is moved to the\n"
    "dead-letter stream (--dead, default S:dead) with its reason. --block is\n"
    "how long one read waits (default 2000 ms). The worker runs until SIGINT\n"
    "or SIGTERM (finishing its batch), or with --drain until the stream holds\n"
    "nothing new or pending.\n";

static volatile int stop;
static void on_signal(int sig) { stop = 1; }

typedef struct opts {
    dl_cli cli;
    dl_worker_options w;
    const char *db;
} opts;

static int number(opts *o, const char *name, const char *value, long least, long *out)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (*end || end == value || v < least) {
        dl_cli_error(&o->cli, "--%s takes a whole number of at least %ld, not '%s'", name, least, value);
        return DL_EXIT_USAGE;
    }
    *out = v;
    return DL_EXIT_OK;
}

static int on_extra(void *user, const char *name, const char *value)
{
    opts *o = user;
    if (!strcmp(name, "redis"))
        o->w.url = value;
    else if (!strcmp(name, "stream"))
        o->w.stream = value;
    else if (!strcmp(name, "group"))
        o->w.group = value;
    else if (!strcmp(name, "consumer"))
        o->w.consumer = value;
    else if (!strcmp(name, "dead"))
        o->w.dead = value;
    else if (!strcmp(name, "db"))
        o->db = value;
    else if (!strcmp(name, "drain"))
        o->w.drain = true;
    else if (!strcmp(name, "batch"))
        return number(o, name, value, 1, &o->w.batch);
    else if (!strcmp(name, "block"))
        return number(o, name, value, 1, &o->w.block_ms);
    else if (!strcmp(name, "claim-idle"))
        return number(o, name, value, 0, &o->w.claim_idle_ms);
    else if (!strcmp(name, "max-deliveries"))
        return number(o, name, value, 1, &o->w.max_deliveries);
    return DL_EXIT_OK;
}

int cmd_worker(int argc, char **argv)
{
    opts o = {.cli = {.command = "worker"},
              .w = {.batch = 50, .block_ms = 2000, .claim_idle_ms = 30000, .max_deliveries = 3}};
    static const char *const extra[] = {"redis=", "stream=", "group=",          "consumer=", "dead=", "db=",
                                        "drain",  "batch=",  "block=", "claim-idle=", "max-deliveries=", NULL};
    bool done;
    int rc = dl_cli_parse(&o.cli, argc, argv, usage, extra, on_extra, &o, &done);
    if (rc || done)
        return rc;
    if (!o.w.url || !o.w.stream || !o.w.group) {
        dl_cli_error(&o.cli, "--redis, --stream and --group are required");
        fputs(usage, stderr);
        return DL_EXIT_USAGE;
    }
    char consumer[128];
    if (!o.w.consumer) {
        char host[64] = "worker";
        gethostname(host, sizeof host);
        host[sizeof host - 1] = '\0';
        snprintf(consumer, sizeof consumer, "%s-%d", host, (int)getpid());
        o.w.consumer = consumer;
    }
    o.w.data_dir = o.cli.data_dir;
    o.w.diag = dl_cli_print_diag;
    o.w.diag_user = &o.cli;
    if (!o.db)
        o.db = dl_cli_default_db();
    dl_store *store = NULL;
    if (dl_store_open(&store, o.db, dl_cli_print_diag, &o.cli))
        return DL_EXIT_FATAL;
    dl_pipeline *pipeline = NULL;
    if ((rc = dl_cli_open_pipeline(&o.cli, &pipeline, DL_STAGE_ALL, NULL, NULL))) {
        dl_store_close(store);
        return rc;
    }
    struct sigaction sa = {.sa_handler = on_signal};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    dl_worker_stats ws;
    dl_status st = dl_worker_run(&o.w, store, pipeline, &stop, &ws);
    if (st && st != DL_ERR_ARG && st != DL_ERR_IO)
        dl_cli_error(&o.cli, "%s: %s", dl_status_name(st), dl_store_message(store));
    if (!o.cli.quiet)
        fprintf(stderr,
                "dateline worker: %llu messages, %llu articles stored (%llu already there), %llu taken over "
                "from other consumers, %llu failed, %llu moved to the dead-letter stream\n",
                (unsigned long long)ws.messages, (unsigned long long)ws.articles,
                (unsigned long long)ws.duplicates, (unsigned long long)ws.claimed, (unsigned long long)ws.failed,
                (unsigned long long)ws.dead);
    dl_pipeline_close(pipeline);
    dl_store_close(store);
    if (st)
        return st == DL_ERR_ARG ? DL_EXIT_USAGE : DL_EXIT_FATAL;
    return ws.failed || ws.dead ? DL_EXIT_PARTIAL : DL_EXIT_OK;
}
