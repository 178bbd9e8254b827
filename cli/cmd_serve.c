/* cmd_serve.c: `dateline serve` answers the HTTP API and serves the
 * dashboard over a store until SIGINT or SIGTERM. */
#include "cli.h"
#include "store_cli.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_serve(int argc, char **argv);

static const char usage[] =
    "usage: dateline serve [--db PATH] [--listen HOST:PORT] [--web DIR] [--threads N]\n"
    "                      [--timeout S] [--max-connections N] [-q]\n"
    "\n"
    "Serves the store read-only: the JSON API under /api/ (see the README) and\n"
    "the dashboard at /, until interrupted (SIGINT or SIGTERM: running requests\n"
    "finish first). One access-log line per request goes to stderr.\n"
    "  --listen A     address and port, default 127.0.0.1:8080 (loopback only);\n"
    "                 port 0 picks a free one; 0.0.0.0:PORT opens it to the network\n"
    "  --web DIR      the dashboard's folder (default: web/ beside the data folder)\n"
    "  --threads N    worker threads (default 4)\n"
    "  --timeout S    seconds a silent connection is kept (default 10)\n"
    "  --max-connections N   connections at once; more are closed (default 1000)\n"
    "  -q, --quiet    no access log\n"
    "The store is --db, else $DATELINE_DB, else ./dateline.db. The line\n"
    "\"dateline serve: listening on URL\" on stderr says where it listens.\n"
    "Exit status: 0 stopped by a signal; 2 usage error; 3 could not start.\n";

static void log_line(void *user, const char *line)
{
    fprintf(stderr, "%s\n", line);
}

int cmd_serve(int argc, char **argv)
{
    dl_cli cli = {.command = "serve"};
    dl_serve_options o = DL_SERVE_OPTIONS_INIT;
    bool quiet = false;
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},      {"listen", required_argument, NULL, 'l'},
        {"web", required_argument, NULL, 'w'},     {"threads", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'}, {"max-connections", required_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},         {"help", no_argument, NULL, 'h'},
        {0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o.db = optarg; break;
        case 'l': o.listen = optarg; break;
        case 'w': o.web_dir = optarg; break;
        case 'q': quiet = true; break;
        case 't':
        case 'T':
        case 'm': {
            const char *name = c == 't' ? "threads" : c == 'T' ? "timeout" : "max-connections";
            long top = c == 't' ? 256 : c == 'T' ? 3600 : 100000;
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > top) {
                dl_cli_error(&cli, "--%s takes a number from 1 to %ld, not '%s'", name, top, optarg);
                return DL_EXIT_USAGE;
            }
            *(c == 't' ? &o.threads : c == 'T' ? &o.timeout : &o.max_connections) = (unsigned)n;
            break;
        }
        case 'h':
            fputs(usage, stdout);
            return DL_EXIT_OK;
        default:
            dl_cli_error(&cli, "option %s is unknown or needs a value (see --help)", argv[optind - 1]);
            return DL_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        dl_cli_error(&cli, "unexpected argument '%s' (see --help)", argv[optind]);
        return DL_EXIT_USAGE;
    }
    if (!o.db)
        o.db = dl_cli_default_db();
    if (access(o.db, F_OK) != 0) {
        dl_cli_error(&cli, "%s: no such store (run `dateline ingest --db %s FILES` first)", o.db, o.db);
        return DL_EXIT_FATAL;
    }
    if (!quiet)
        o.log = log_line;
    /* Block the stop signals before the worker threads start, so they
     * inherit the mask and only sigwait() below sees the signals. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    dl_server *server;
    char message[512];
    if (dl_server_start(&server, &o, message, sizeof message)) {
        dl_cli_error(&cli, "%s", message);
        return strstr(message, "--listen") ? DL_EXIT_USAGE : DL_EXIT_FATAL;
    }
    const char *web = dl_server_web_dir(server);
    fprintf(stderr, "dateline serve: listening on %s (store %s, dashboard %s)\n", dl_server_url(server), o.db,
            web ? web : "none: API only");
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "dateline serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    dl_server_stop(server);
    return DL_EXIT_OK;
}
