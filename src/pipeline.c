/* pipeline.c: the stages in order, for one article at a time.
 *
 * clean (done by the caller, who owns documents) -> parse -> actors ->
 * quotes -> events. Each stage reads only what the stages before it made;
 * everything produced lives in the caller's per-article arena. */
#include "dateline.h"
#include "dict/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dl_pipeline {
    unsigned stages;
    dl_diag_fn diag;
    void *diag_user;
    dl_cleaner *cleaner;
    dl_parser *parser;
    dl_actors *actors;
    dl_quoter *quoter;
    dl_coder *coder;
};

void dl_pipeline_close(dl_pipeline *p)
{
    if (!p)
        return;
    dl_coder_close(p->coder);
    dl_quoter_close(p->quoter);
    dl_actors_close(p->actors);
    dl_parser_close(p->parser);
    dl_cleaner_close(p->cleaner);
    free(p);
}

dl_status dl_pipeline_open(dl_pipeline **out, const dl_pipeline_options *options)
{
    dl_pipeline_options defaults = DL_PIPELINE_OPTIONS_INIT;
    const dl_pipeline_options *o = options ? options : &defaults;
    dl_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return DL_ERR_NOMEM;
    /* What each stage needs: events and quotes stand on actors, and
     * actors on the parse. */
    unsigned s = o->stages;
    if (s & (DL_STAGE_EVENTS | DL_STAGE_QUOTES))
        s |= DL_STAGE_ACTORS;
    if (s & DL_STAGE_ACTORS)
        s |= DL_STAGE_PARSE;
    p->stages = s;
    p->diag = o->diag;
    p->diag_user = o->diag_user;
    dl_status st = dl_cleaner_open(&p->cleaner, o->data_dir, o->diag, o->diag_user);
    if (!st && (s & DL_STAGE_PARSE))
        st = dl_parser_open(&p->parser, o->data_dir);
    if (!st && (s & DL_STAGE_ACTORS)) {
        dl_actors_options ao = DL_ACTORS_OPTIONS_INIT;
        if (o->actors)
            ao = *o->actors;
        if (!ao.data_dir)
            ao.data_dir = o->data_dir;
        if (!ao.diag)
            ao.diag = o->diag, ao.diag_user = o->diag_user;
        st = dl_actors_open(&p->actors, &ao);
    }
    if (!st && (s & DL_STAGE_QUOTES))
        st = dl_quoter_open(&p->quoter, o->data_dir, o->diag, o->diag_user);
    if (!st && (s & DL_STAGE_EVENTS)) {
        dl_coder_options co = DL_CODER_OPTIONS_INIT;
        if (o->coder)
            co = *o->coder;
        if (!co.data_dir)
            co.data_dir = o->data_dir;
        if (!co.diag)
            co.diag = o->diag, co.diag_user = o->diag_user;
        st = dl_coder_open(&p->coder, &co);
    }
    if (st) {
        dl_pipeline_close(p);
        return st;
    }
    *out = p;
    return DL_OK;
}

dl_status dl_pipeline_run(dl_analysis *out, const dl_pipeline *p, const dl_article *a, dl_arena *arena)
{
    memset(out, 0, sizeof *out);
    out->article = a;
    dl_status st = DL_OK;
    if (p->stages & DL_STAGE_PARSE)
        st = dl_parse(&out->sentences, &out->n_sentences, p->parser, a->body, a->body_len, arena);
    if (!st && (p->stages & DL_STAGE_ACTORS))
        st = dl_actors_find(&out->mentions, &out->n_mentions, p->actors, a, out->sentences,
                            out->n_sentences, dl_date_to_int(a->date), arena);
    if (!st && (p->stages & DL_STAGE_QUOTES))
        st = dl_quotes_find(&out->quotes, &out->n_quotes, p->quoter, a, out->sentences,
                            out->n_sentences, out->mentions, out->n_mentions, arena);
    if (!st && (p->stages & DL_STAGE_EVENTS))
        st = dl_code_events(&out->events, &out->n_events, p->coder, a, out->sentences,
                            out->n_sentences, out->mentions, out->n_mentions, out->quotes,
                            out->n_quotes, arena);
    return st;
}

/* ------------------------------------------------------------------ input */

struct dl_input {
    const dl_pipeline *pipeline;
    dl_reader *reader;
    const dl_document *doc;
    const char *date;
};

dl_status dl_input_open(dl_input **out, const dl_pipeline *p, const char *const *paths,
                        size_t n_paths, const dl_input_options *options)
{
    dl_input_options defaults = DL_INPUT_OPTIONS_INIT;
    const dl_input_options *o = options ? options : &defaults;
    *out = NULL;
    if (!p)
        return DL_ERR_ARG;
    dl_input *in = calloc(1, sizeof *in);
    if (!in)
        return DL_ERR_NOMEM;
    in->pipeline = p;
    in->date = o->date;
    dl_reader_options ro = DL_READER_OPTIONS_INIT;
    ro.format = o->format;
    ro.max_file_bytes = o->max_file_bytes;
    ro.max_record_bytes = o->max_record_bytes;
    ro.diag = p->diag;
    ro.diag_user = p->diag_user;
    dl_status st = dl_reader_open(&in->reader, paths, n_paths, &ro);
    if (st) {
        free(in);
        return st;
    }
    *out = in;
    return DL_OK;
}

/* Reports a document the cleaner could not take, naming its file and line. */
static void report_unclean(const dl_input *in, const dl_document *doc, dl_status st)
{
    if (!in->pipeline->diag)
        return;
    char msg[128];
    snprintf(msg, sizeof msg, "cleaning failed: %s; document skipped", dl_status_name(st));
    dl_diag d = {DL_ERROR, st, doc->path, doc->line, 0, msg};
    in->pipeline->diag(in->pipeline->diag_user, &d);
}

dl_status dl_input_next(dl_input *in, dl_article **articles, size_t *n_articles, dl_arena *arena)
{
    *articles = NULL;
    *n_articles = 0;
    for (;;) {
        const dl_document *doc;
        dl_status st = dl_reader_next(in->reader, &doc);
        if (st)
            return st;
        in->doc = doc;
        st = dl_clean(articles, n_articles, in->pipeline->cleaner, doc, arena);
        if (st == DL_ERR_NOMEM)
            return st;
        if (st) {
            report_unclean(in, doc, st);
            continue;
        }
        for (size_t i = 0; i < *n_articles; i++)
            if (in->date && !(*articles)[i].date)
                (*articles)[i].date = in->date;
        return DL_OK;
    }
}

const dl_document *dl_input_document(const dl_input *in)
{
    return in->doc;
}

void dl_input_stats(const dl_input *in, dl_reader_stats *stats)
{
    dl_reader_stats_get(in->reader, stats);
}

void dl_input_close(dl_input *in)
{
    if (!in)
        return;
    dl_reader_close(in->reader);
    free(in);
}
