/* petrarch_xml.c: the reader of PETRARCH validation files (see the header).
 *
 * Two layers: a scanner (xml_scan.c) that turns the bytes into tokens
 * (start tag with its attributes, end tag, text, or "bad" for markup it
 * could not make sense of) and drops comments, and a reader that walks the
 * tokens with a
 * few explicit loops, one per element that has content (Environment,
 * Sentence, Text, Parse). The files are hand-edited, so every loop expects
 * the worst: a tag that is never closed ends at the next tag that cannot
 * belong inside it, and the record it was part of is reported and left
 * out while the scan goes on from that tag. */
#include "eval/petrarch_xml.h"
#include "eval/xml_scan.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ reader */

enum { MAX_CONFIG = 32 };

typedef struct reader {
    xml_lexer lx;
    xml_token tok;
    bool pushed;        /* tok is to be read again */
    const char *name;
    dl_diag_fn diag;
    void *diag_user;
    dl_arena *arena;
    dl_petr_file *out;
    size_t cap_records;
    const char *cfg_opt[MAX_CONFIG], *cfg_val[MAX_CONFIG];
    size_t n_cfg;
    const char *config;
    dl_buf text;
    dl_status st;       /* sticky: out of memory */
} reader;

/* The record being read. */
typedef struct record {
    dl_petr_record rec;
    size_t cap_codings;
    bool bad, has_text;
} record;

static void report(reader *r, dl_severity sev, uint64_t line, uint64_t byte, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void report(reader *r, dl_severity sev, uint64_t line, uint64_t byte, const char *fmt, ...)
{
    if (sev == DL_ERROR)
        r->out->n_errors++;
    if (!r->diag)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_diag d = {sev, sev == DL_ERROR ? DL_ERR_PARSE : DL_OK, r->name, line, byte, msg};
    r->diag(r->diag_user, &d);
}

static const xml_token *next(reader *r)
{
    if (r->pushed)
        r->pushed = false;
    else
        dl_xml_next(&r->lx, &r->tok);
    return &r->tok;
}

static void push_back(reader *r)
{
    r->pushed = true;
}

static void report_bad_token(reader *r, const xml_token *t)
{
    report(r, DL_ERROR, t->line, t->byte, "%s", t->problem);
}

/* Copies s[0..n) into the arena with the XML entities decoded. Unknown
 * entities stay as written. The result is never longer than the input. */
static char *decode(reader *r, const char *s, size_t n)
{
    char *out = dl_arena_alloc(r->arena, n + 1);
    if (!out) {
        r->st = DL_ERR_NOMEM;
        return NULL;
    }
    static const struct { const char *name; char c; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    };
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            out[o++] = s[i++];
            continue;
        }
        const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
        size_t len = semi ? (size_t)(semi - (s + i)) : 0; /* name length + 1 for '&' */
        bool done = false;
        for (size_t k = 0; semi && !done && k < sizeof named / sizeof *named; k++)
            if (len - 1 == strlen(named[k].name) && !memcmp(s + i + 1, named[k].name, len - 1)) {
                out[o++] = named[k].c;
                i += len + 1;
                done = true;
            }
        if (!done && semi && len >= 3 && s[i + 1] == '#') {
            bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            long cp = 0;
            bool ok = len > (size_t)(2 + hex);
            for (size_t k = 2 + hex; ok && k < len; k++) {
                char c = s[i + k];
                int d = isdigit((unsigned char)c) ? c - '0'
                        : hex && isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10
                                                            : -1;
                if (d < 0)
                    ok = false;
                else
                    cp = cp * (hex ? 16 : 10) + d;
                if (cp > 0x10FFFF)
                    ok = false;
            }
            if (ok && cp > 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                o += dl_utf8_encode((int32_t)cp, out + o);
                i += len + 1;
                done = true;
            }
        }
        if (!done)
            out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* Trims white space at both ends in place; returns s. */
static char *trim(char *s)
{
    char *b = s;
    while (*b && dl_xml_is_space(*b))
        b++;
    size_t n = strlen(b);
    while (n && dl_xml_is_space(b[n - 1]))
        n--;
    memmove(s, b, n);
    s[n] = '\0';
    return s;
}

/* The record text as the coder gets it: trimmed, and each line break
 * (with the white space around it) turned into one space, so a sentence
 * wrapped over lines reads as one line. */
static char *join_lines(char *s)
{
    trim(s);
    size_t o = 0;
    for (size_t i = 0; s[i];) {
        if (!dl_xml_is_space(s[i])) {
            s[o++] = s[i++];
            continue;
        }
        size_t j = i;
        bool newline = false;
        while (s[j] && dl_xml_is_space(s[j]))
            newline |= s[j] == '\n' || s[j] == '\r', j++;
        if (newline)
            s[o++] = ' ';
        else
            while (i < j)
                s[o++] = s[i++];
        i = j;
    }
    s[o] = '\0';
    return s;
}

static char *attr_value(reader *r, const xml_token *t, const char *name)
{
    const xml_attr *a = dl_xml_attr(t, name);
    if (!a)
        return NULL;
    char *v = decode(r, a->value.p, a->value.n);
    return v ? trim(v) : NULL;
}

static dl_status add_name(reader *r, const char ***list, size_t *n, const char *value)
{
    const char **grown = dl_arena_grow(r->arena, (void *)*list, *n * sizeof **list,
                                       (*n + 1) * sizeof **list);
    if (!grown)
        return r->st = DL_ERR_NOMEM;
    grown[(*n)++] = value;
    *list = grown;
    return DL_OK;
}

/* <Verbfile>NAME</Verbfile> and its kin, inside <Environment>. */
static void read_env_file(reader *r, const char ***list, size_t *n)
{
    xml_token start = r->tok;
    if (start.empty) {
        report(r, DL_WARNING, start.line, start.byte, "<%.*s/> names no file", (int)start.name.n,
               start.name.p);
        return;
    }
    dl_buf_clear(&r->text);
    for (;;) {
        const xml_token *t = next(r);
        if (t->kind == T_TEXT) {
            if (dl_buf_append(&r->text, t->text.p, t->text.n)) {
                r->st = DL_ERR_NOMEM;
                return;
            }
            continue;
        }
        if (t->kind == T_END && t->name.n == start.name.n &&
            !strncasecmp(t->name.p, start.name.p, t->name.n))
            break;
        report(r, DL_ERROR, start.line, start.byte, "<%.*s> is not closed; the file it names is ignored",
               (int)start.name.n, start.name.p);
        push_back(r);
        return;
    }
    char *v = decode(r, r->text.data ? r->text.data : "", r->text.len);
    if (!v)
        return;
    if (!*trim(v)) {
        report(r, DL_WARNING, start.line, start.byte, "<%.*s> names no file", (int)start.name.n,
               start.name.p);
        return;
    }
    add_name(r, list, n, v);
}

static void read_environment(reader *r)
{
    xml_token start = r->tok;
    dl_petr_file *f = r->out;
    f->has_environment = true;
    if (start.empty)
        return;
    while (!r->st) {
        const xml_token *t = next(r);
        if (t->kind == T_BAD) {
            report_bad_token(r, t);
        } else if (t->kind == T_END && dl_xml_is_name(t, "Environment")) {
            return;
        } else if (t->kind == T_EOF || (t->kind == T_START && dl_xml_is_name(t, "Sentence"))) {
            report(r, DL_ERROR, start.line, start.byte, "<Environment> is not closed");
            push_back(r);
            return;
        } else if (t->kind == T_START) {
            if (dl_xml_is_name(t, "Verbfile"))
                read_env_file(r, &f->verb_files, &f->n_verb_files);
            else if (dl_xml_is_name(t, "Actorfile"))
                read_env_file(r, &f->actor_files, &f->n_actor_files);
            else if (dl_xml_is_name(t, "Agentfile"))
                read_env_file(r, &f->agent_files, &f->n_agent_files);
            else if (dl_xml_is_name(t, "Discardfile"))
                read_env_file(r, &f->discard_files, &f->n_discard_files);
            /* Errorfile, Include, Pause, Config: PETRARCH's run settings. */
        }
    }
}

/* <Config option="require_dyad" value="false">: remembered, in the order
 * first set, and attached to every later record. */
static void apply_config(reader *r)
{
    const xml_token *t = &r->tok;
    char *opt = attr_value(r, t, "option"), *val = attr_value(r, t, "value");
    if (r->st)
        return;
    if (!opt || !*opt || !val) {
        report(r, DL_WARNING, t->line, t->byte, "<Config> without option and value is ignored");
        return;
    }
    size_t i = 0;
    while (i < r->n_cfg && strcasecmp(r->cfg_opt[i], opt))
        i++;
    if (i == MAX_CONFIG) {
        report(r, DL_WARNING, t->line, t->byte, "too many <Config> options; '%s' is ignored", opt);
        return;
    }
    if (i == r->n_cfg)
        r->cfg_opt[r->n_cfg++] = opt;
    r->cfg_val[i] = val;
    dl_buf b = DL_BUF_INIT;
    for (size_t k = 0; k < r->n_cfg; k++)
        if (dl_buf_printf(&b, "%s%s=%s", k ? " " : "", r->cfg_opt[k], r->cfg_val[k]))
            r->st = DL_ERR_NOMEM;
    if (!r->st)
        r->config = dl_arena_strndup(r->arena, b.data ? b.data : "", b.len);
    if (!r->config)
        r->st = DL_ERR_NOMEM;
    dl_buf_free(&b);
}

/* Marks the record bad and says why, once: later problems of a record
 * already left out would only repeat the first. */
static void fail(reader *r, record *rec, uint64_t line, uint64_t byte, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void fail(reader *r, record *rec, uint64_t line, uint64_t byte, const char *fmt, ...)
{
    if (rec->bad)
        return;
    rec->bad = true;
    char why[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (rec->rec.id)
        report(r, DL_ERROR, line, byte, "record '%s': %s; record skipped", rec->rec.id, why);
    else
        report(r, DL_ERROR, line, byte, "record at line %llu: %s; record skipped",
               (unsigned long long)rec->rec.line, why);
}

static void add_coding(reader *r, record *rec)
{
    const xml_token *t = &r->tok;
    char *noevents = attr_value(r, t, "noevents"), *error = attr_value(r, t, "error");
    if (noevents && !strcasecmp(noevents, "true")) {
        rec->rec.noevents = true;
        return;
    }
    if (noevents && strcasecmp(noevents, "false"))
        report(r, DL_WARNING, t->line, t->byte, "noevents=\"%s\" is neither True nor False", noevents);
    if (error) {
        if (!rec->rec.error)
            rec->rec.error = error;
        return;
    }
    if (noevents)
        return;
    dl_petr_coding c = {attr_value(r, t, "sourcecode"), attr_value(r, t, "targetcode"),
                        attr_value(r, t, "eventcode")};
    if (r->st)
        return;
    const char *missing = !c.source ? "sourcecode" : !c.target ? "targetcode"
                          : !c.event || !*c.event ? "eventcode" : NULL;
    if (missing) {
        fail(r, rec, t->line, t->byte, "<EventCoding> has no %s", missing);
        return;
    }
    if (!*c.source)
        c.source = "---";
    if (!*c.target)
        c.target = "---";
    if (rec->rec.n_codings == rec->cap_codings) {
        size_t cap = rec->cap_codings ? 2 * rec->cap_codings : 4;
        dl_petr_coding *g = dl_arena_grow(r->arena, rec->rec.codings,
                                          rec->cap_codings * sizeof *g, cap * sizeof *g);
        if (!g) {
            r->st = DL_ERR_NOMEM;
            return;
        }
        rec->rec.codings = g;
        rec->cap_codings = cap;
    }
    rec->rec.codings[rec->rec.n_codings++] = c;
}

static void read_text(reader *r, record *rec)
{
    xml_token start = r->tok;
    if (rec->has_text)
        fail(r, rec, start.line, start.byte, "a second <Text>");
    rec->has_text = true;
    dl_buf_clear(&r->text);
    if (!start.empty) {
        for (;;) {
            const xml_token *t = next(r);
            if (t->kind == T_TEXT) {
                if (dl_buf_append(&r->text, t->text.p, t->text.n)) {
                    r->st = DL_ERR_NOMEM;
                    return;
                }
                continue;
            }
            if (t->kind == T_END && dl_xml_is_name(t, "Text"))
                break;
            if (t->kind == T_BAD) {
                fail(r, rec, t->line, t->byte, "%s", t->problem);
                continue;
            }
            if (t->kind == T_EOF)
                fail(r, rec, start.line, start.byte, "the file ends inside its <Text> (truncated?)");
            else
                fail(r, rec, start.line, start.byte, "<Text> is not closed");
            push_back(r);
            break;
        }
    }
    char *text = decode(r, r->text.data ? r->text.data : "", r->text.len);
    if (text && !rec->bad)
        rec->rec.text = join_lines(text);
}

/* The parse tree is PETRARCH's input; we code from the text, so it is
 * skipped, but a tree that is never closed still spoils the record. */
static void skip_parse(reader *r, record *rec)
{
    xml_token start = r->tok;
    if (start.empty)
        return;
    for (;;) {
        const xml_token *t = next(r);
        if (t->kind == T_END && dl_xml_is_name(t, "Parse"))
            return;
        if (t->kind == T_EOF || (t->kind == T_START && dl_xml_is_name(t, "Sentence")) ||
            (t->kind == T_END && dl_xml_is_name(t, "Sentence"))) {
            fail(r, rec, start.line, start.byte, "<Parse> is not closed");
            push_back(r);
            return;
        }
    }
}

static void keep_record(reader *r, record *rec)
{
    dl_petr_file *f = r->out;
    if (rec->bad) {
        f->n_skipped++;
        return;
    }
    if (f->n_records == r->cap_records) {
        size_t cap = r->cap_records ? 2 * r->cap_records : 64;
        dl_petr_record *g = dl_arena_grow(r->arena, f->records, r->cap_records * sizeof *g,
                                          cap * sizeof *g);
        if (!g) {
            r->st = DL_ERR_NOMEM;
            return;
        }
        f->records = g;
        r->cap_records = cap;
    }
    f->records[f->n_records++] = rec->rec;
}

/* Checks what the record as a whole must have, then keeps it or counts it
 * as skipped. */
static void end_record(reader *r, record *rec)
{
    dl_petr_record *p = &rec->rec;
    if (!rec->has_text)
        fail(r, rec, p->line, 0, "no <Text>");
    else if (!rec->bad && (!p->text || !*p->text))
        fail(r, rec, p->line, 0, "the <Text> is empty");
    /* A record whose codings were all commented out expects nothing:
     * PETRARCH's own suite has one (PATTERN-06). */
    if (!p->n_codings && !p->noevents && !p->error && !rec->bad) {
        report(r, DL_WARNING, p->line, 0, "record '%s' has no <EventCoding>: expecting no events",
               p->id);
        p->noevents = true;
    }
    if (p->noevents && p->n_codings)
        fail(r, rec, p->line, 0, "both noevents=\"True\" and expected events");
    keep_record(r, rec);
}

static void read_sentence(reader *r)
{
    xml_token start = r->tok;
    record rec = {0};
    dl_petr_record *p = &rec.rec;
    p->line = start.line;
    p->config = r->config;
    p->id = attr_value(r, &start, "id");
    p->date = attr_value(r, &start, "date");
    p->category = attr_value(r, &start, "category");
    if (r->st)
        return;
    if (p->id && !*p->id)
        p->id = NULL;
    if (!p->id)
        fail(r, &rec, start.line, start.byte, "<Sentence> has no id");
    if (!p->date)
        fail(r, &rec, start.line, start.byte, "<Sentence> has no date");
    else if (!dl_petr_date(p->date, &p->date_num))
        fail(r, &rec, start.line, start.byte, "date \"%s\" is not YYYYMMDD", p->date);
    if (!p->category || !*p->category) {
        if (!rec.bad)
            report(r, DL_WARNING, start.line, start.byte, "record '%s' has no category", p->id);
        p->category = "-";
    }
    if (start.empty) {
        end_record(r, &rec);
        return;
    }
    while (!r->st) {
        const xml_token *t = next(r);
        switch (t->kind) {
        case T_EOF:
            fail(r, &rec, start.line, start.byte, "the file ends inside this <Sentence> (truncated?)");
            keep_record(r, &rec);
            return;
        case T_BAD:
            fail(r, &rec, t->line, t->byte, "%s", t->problem);
            break;
        case T_TEXT:
            break;
        case T_END:
            if (dl_xml_is_name(t, "Sentence")) {
                end_record(r, &rec);
                return;
            }
            if (dl_xml_is_name(t, "Sentences") || dl_xml_is_name(t, "Validation")) {
                fail(r, &rec, start.line, start.byte, "<Sentence> is not closed");
                keep_record(r, &rec);
                return;
            }
            break;
        case T_START:
            if (dl_xml_is_name(t, "Sentence") || dl_xml_is_name(t, "Stop")) {
                fail(r, &rec, start.line, start.byte, "<Sentence> is not closed before line %llu",
                     (unsigned long long)t->line);
                keep_record(r, &rec);
                push_back(r);
                return;
            }
            if (dl_xml_is_name(t, "EventCoding"))
                add_coding(r, &rec);
            else if (dl_xml_is_name(t, "Text"))
                read_text(r, &rec);
            else if (dl_xml_is_name(t, "Parse"))
                skip_parse(r, &rec);
            else if (dl_xml_is_name(t, "Config"))
                apply_config(r);
            break;
        }
    }
}

bool dl_petr_date(const char *s, int32_t *date)
{
    if (!s || strlen(s) != 8)
        return false;
    int32_t v = 0;
    for (int i = 0; i < 8; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    int month = v / 100 % 100, day = v % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    *date = v;
    return true;
}

dl_status dl_petr_parse(dl_petr_file *out, const char *text, size_t len, const char *name,
                        dl_diag_fn diag, void *diag_user, dl_arena *arena)
{
    memset(out, 0, sizeof *out);
    reader r = {.name = name ? name : "-", .diag = diag, .diag_user = diag_user, .arena = arena,
                .out = out};
    /* Everything after the reader may assume valid UTF-8. */
    dl_buf repaired = DL_BUF_INIT;
    size_t valid = dl_utf8_valid_prefix(text, len);
    if (valid < len) {
        size_t n_bad = 0;
        if (dl_utf8_repair(&repaired, text, len, &n_bad, NULL))
            return DL_ERR_NOMEM;
        report(&r, DL_WARNING, 0, valid, "invalid UTF-8 at byte %zu (%zu sequences replaced)", valid,
               n_bad);
        text = repaired.data;
        len = repaired.len;
    }
    r.lx = (xml_lexer){text ? text : "", text ? len : 0, 0, 1};
    while (!r.st) {
        const xml_token *t = next(&r);
        if (t->kind == T_EOF)
            break;
        if (t->kind == T_BAD)
            report_bad_token(&r, t);
        if (t->kind != T_START)
            continue;
        if (dl_xml_is_name(t, "Environment")) {
            read_environment(&r);
        } else if (dl_xml_is_name(t, "Sentence")) {
            read_sentence(&r);
        } else if (dl_xml_is_name(t, "Config")) {
            apply_config(&r);
        } else if (dl_xml_is_name(t, "Stop")) {
            out->stopped = true;
            out->stop_line = t->line;
            break;
        }
        /* Validation, Sentences, Pause and unknown elements: nothing to keep. */
    }
    dl_buf_free(&r.text);
    dl_buf_free(&repaired);
    return r.st;
}

dl_status dl_petr_read(dl_petr_file *out, const char *path, dl_diag_fn diag, void *diag_user,
                       dl_arena *arena)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    struct stat sb;
    const char *why = NULL;
    dl_status st = DL_ERR_IO;
    if (!f)
        why = strerror(errno);
    else if (fstat(fileno(f), &sb) != 0)
        why = strerror(errno);
    else if (S_ISDIR(sb.st_mode))
        why = "is a directory";
    else if (sb.st_size > (off_t)1 << 30)
        why = "over 1 GiB", st = DL_ERR_LIMIT;
    char *buf = NULL;
    size_t n = 0;
    if (!why) {
        size_t cap = (size_t)sb.st_size + 1, got;
        buf = malloc(cap);
        if (!buf) {
            fclose(f);
            return DL_ERR_NOMEM;
        }
        /* The size is a hint: a file that grows while read is read whole. */
        while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                char *g = cap < (size_t)1 << 30 ? realloc(buf, cap * 2) : NULL;
                if (!g) {
                    why = "over 1 GiB", st = DL_ERR_LIMIT;
                    break;
                }
                buf = g;
                cap *= 2;
            }
        }
        if (!why && ferror(f))
            why = strerror(errno);
    }
    if (f)
        fclose(f);
    if (why) {
        free(buf);
        if (diag) {
            char msg[256];
            snprintf(msg, sizeof msg, "cannot read: %s", why);
            dl_diag d = {DL_ERROR, st, path, 0, 0, msg};
            diag(diag_user, &d);
        }
        return st;
    }
    st = dl_petr_parse(out, buf, n, path, diag, diag_user, arena);
    free(buf);
    return st;
}
