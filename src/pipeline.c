/* pipeline.c: the stages in order, for one article at a time.
 *
 * clean (done by the caller, who owns documents) -> parse -> actors ->
 * quotes -> events. Each stage reads only what the stages before it made;
 * everything produced lives in the caller's per-article arena. */
#include "dateline.h"
#include "dict/dict.h"

#include <stdlib.h>
#include <string.h>

struct dl_pipeline {
    unsigned stages;
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
    dl_status st = DL_OK;
    if (s & DL_STAGE_PARSE)
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
        st = dl_quoter_open(&p->quoter, o->data_dir);
    if (!st && (s & DL_STAGE_EVENTS)) {
        dl_coder_options co = DL_CODER_OPTIONS_INIT;
        if (o->coder)
            co = *o->coder;
        if (!co.data_dir)
            co.data_dir = o->data_dir;
        if (!co.diag)
            co.diag = o->diag, co.diag_user = o->diag_user;
        if (!co.actors)
            co.actors = p->actors;
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
