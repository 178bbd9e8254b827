/* corpus.c: duplicates, stories and event groups for each article the
 * store adds (see corpus.h for what and why). */
#include "corpus/corpus.h"
#include "corpus/fingerprint.h"
#include "base/hash.h"
#include "base/date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char dl_corpus_schema[] =
    "CREATE TABLE IF NOT EXISTS stories("
    "  id INTEGER PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT,"
    "  first_day INTEGER, last_day INTEGER, n_articles INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS stories_last_day ON stories(last_day);"
    "CREATE TABLE IF NOT EXISTS corpus_articles("
    "  article INTEGER PRIMARY KEY REFERENCES articles(rowid), exact INTEGER, simhash INTEGER,"
    "  minhash BLOB, n_shingles INTEGER, words INTEGER, outlet TEXT, day INTEGER,"
    "  dup_of INTEGER, dup_kind TEXT, dup_score REAL, story INTEGER REFERENCES stories(id));"
    "CREATE INDEX IF NOT EXISTS corpus_articles_exact ON corpus_articles(exact);"
    "CREATE INDEX IF NOT EXISTS corpus_articles_story ON corpus_articles(story);"
    /* The indexes are their own tables (one B-tree write per row). */
    "CREATE TABLE IF NOT EXISTS corpus_bands(key INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_leads(key INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS corpus_terms(term INTEGER PRIMARY KEY, df INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS story_terms(story INTEGER NOT NULL, term INTEGER NOT NULL,"
    "  n INTEGER NOT NULL, PRIMARY KEY(term, story)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS event_groups("
    "  id INTEGER PRIMARY KEY, story INTEGER, source_code TEXT, target_code TEXT, cameo_root TEXT,"
    "  location TEXT, day INTEGER, asserted INTEGER NOT NULL, first_event INTEGER NOT NULL,"
    "  num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,"
    "  num_sources INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS event_groups_key ON event_groups(story, cameo_root, source_code);"
    "CREATE INDEX IF NOT EXISTS event_groups_first ON event_groups(first_event);"
    "CREATE TABLE IF NOT EXISTS event_links(event INTEGER PRIMARY KEY, grp INTEGER NOT NULL,"
    "  article INTEGER NOT NULL, outlet TEXT);"
    "CREATE INDEX IF NOT EXISTS event_links_grp ON event_links(grp);";

/* Thresholds, chosen on tests/data/stories (see docs in corpus.h):
 * near duplicates share most shingles, or nearly all of the shorter text
 * when the two are of similar length; a teaser is at most half the length
 * of the article it stands in. */
#define NEAR_JACCARD 0.6
#define NEAR_CONTAINED 0.8
#define TEASER_RATIO 0.5
#define TEASER_CONTAINED 0.7  /* a teaser adds its own "read more" line */
#define CANDIDATE_JACCARD 0.2 /* minhash estimate worth an exact check */
#define ACTOR_WEIGHT 0.5
/* The share of an article's term weight a story must hold. On the dev set
 * the same happening told in other words scores 0.20 and up; look-alike
 * happenings (two drone strikes of one night, Japan and China in two
 * unrelated stories of one week of Wikinews) 0.16 at most. */
#define STORY_COVER 0.175
enum { SIGNATURE_TERMS = 30, CANDIDATE_TERMS = 60, STORY_TERMS = 60, MAX_VERIFY = 8, MAX_CANDIDATES = 64, MAX_STORY_CHECKS = 40 };

enum {
    S_EXACT, S_BANDS, S_LEAD, S_CAND, S_BODY, S_N, S_DF_ADD, S_STORY_TERMS, S_STORY_NEW,
    S_STORY_UPDATE, S_STORY_TERM_ADD, S_ARTICLE_ADD, S_BAND_ADD, S_LEAD_ADD, S_STORY_MEMBERS,
    S_GROUP_FIND, S_GROUP_NEW, S_LINK_ADD, S_GROUP_COUNT, S_COUNT
};

static const char *const sql[S_COUNT] = {
    [S_EXACT] = "SELECT article, coalesce(dup_of, article), story FROM corpus_articles WHERE exact = ?"
                " ORDER BY article LIMIT 1",
    [S_BANDS] = NULL, /* made in band_sql() */
    [S_LEAD] = "SELECT article FROM corpus_leads WHERE key = ? ORDER BY article LIMIT 8",
    [S_CAND] = "SELECT minhash, n_shingles, coalesce(dup_of, article), story FROM corpus_articles WHERE article = ?",
    [S_BODY] = "SELECT body FROM articles WHERE rowid = ?",
    /* The largest row stands for the article count: it is read in one
     * step, where count(*) walks the whole table. */
    [S_N] = "SELECT coalesce(max(article), 0) FROM corpus_articles",
    /* Counts the article in and reads the count in one step: the weight
     * uses the count before it (df - 1). */
    [S_DF_ADD] = "INSERT INTO corpus_terms VALUES(?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df",
    [S_STORY_TERMS] = "SELECT st.story, st.n, s.n_articles FROM story_terms st JOIN stories s ON s.id = st.story"
                      " WHERE st.term = ? AND (?1 IS NULL OR ?2 IS NULL OR s.last_day IS NULL OR"
                      " (s.last_day >= ?2 - ?3 AND s.first_day <= ?2 + ?3))",
    [S_STORY_NEW] = "INSERT INTO stories(title, first_date, last_date, first_day, last_day, n_articles)"
                    " VALUES(?, ?, ?, ?, ?, 0)",
    [S_STORY_UPDATE] =
        "UPDATE stories SET n_articles = n_articles + 1,"
        " first_date = CASE WHEN ?2 IS NOT NULL AND (first_date IS NULL OR ?2 < first_date) THEN ?2 ELSE first_date END,"
        " last_date = CASE WHEN ?2 IS NOT NULL AND (last_date IS NULL OR ?2 > last_date) THEN ?2 ELSE last_date END,"
        " first_day = CASE WHEN ?3 IS NOT NULL AND (first_day IS NULL OR ?3 < first_day) THEN ?3 ELSE first_day END,"
        " last_day = CASE WHEN ?3 IS NOT NULL AND (last_day IS NULL OR ?3 > last_day) THEN ?3 ELSE last_day END"
        " WHERE id = ?1",
    [S_STORY_TERM_ADD] = "INSERT INTO story_terms VALUES(?, ?, 1) ON CONFLICT(term, story) DO UPDATE SET n = n + 1",
    [S_ARTICLE_ADD] = "INSERT INTO corpus_articles VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
    [S_BAND_ADD] = "INSERT OR IGNORE INTO corpus_bands VALUES(?, ?)",
    [S_LEAD_ADD] = "INSERT OR IGNORE INTO corpus_leads VALUES(?, ?)",
    [S_STORY_MEMBERS] = "SELECT article FROM corpus_articles WHERE story = ? AND dup_of IS NULL"
                        " ORDER BY article LIMIT 40",
    [S_GROUP_FIND] = "SELECT id FROM event_groups WHERE story = ?1 AND cameo_root IS ?2 AND source_code IS ?3"
                     " AND target_code IS ?4 AND location IS ?5 AND asserted = 1"
                     " AND ((?6 IS NULL AND day IS NULL) OR abs(day - ?6) <= 1) ORDER BY id LIMIT 1",
    [S_GROUP_NEW] = "INSERT INTO event_groups(story, cameo_root, source_code, target_code, location, day,"
                    " asserted, first_event) VALUES(?,?,?,?,?,?,?,?)",
    [S_LINK_ADD] = "INSERT INTO event_links VALUES(?, ?, ?, ?)",
    [S_GROUP_COUNT] = "UPDATE event_groups SET num_mentions = (SELECT count(*) FROM event_links WHERE grp = ?1),"
                      " num_articles = (SELECT count(DISTINCT article) FROM event_links WHERE grp = ?1),"
                      " num_sources = (SELECT count(DISTINCT outlet) FROM event_links WHERE grp = ?1)"
                      " WHERE id = ?1",
};

struct dl_corpus {
    sqlite3 *db;
    sqlite3_stmt *st[S_COUNT];
};

dl_corpus *dl_corpus_new(sqlite3 *db)
{
    dl_corpus *c = calloc(1, sizeof *c);
    if (c)
        c->db = db;
    return c;
}

void dl_corpus_free(dl_corpus *c)
{
    if (!c)
        return;
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(c->st[i]);
    free(c);
}

/* "SELECT DISTINCT article FROM corpus_bands WHERE key IN (?, ... ?)" */
static void band_sql(char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "SELECT DISTINCT article FROM corpus_bands WHERE key IN (");
    for (int i = 0; i < DL_LSH_BANDS && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, i ? ",?" : "?");
    if (n < size)
        snprintf(out + n, size - n, ") ORDER BY article LIMIT %d", MAX_CANDIDATES);
}

typedef struct ctx {
    dl_corpus *c;
    char *message;
    size_t message_size;
} ctx;

static sqlite3_stmt *stmt(ctx *x, int which)
{
    sqlite3_stmt **slot = &x->c->st[which];
    if (!*slot) {
        char bands[512];
        const char *text = sql[which];
        if (which == S_BANDS) {
            band_sql(bands, sizeof bands);
            text = bands;
        }
        if (sqlite3_prepare_v3(x->c->db, text, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK) {
            snprintf(x->message, x->message_size, "preparing the corpus tables' statements: %s",
                     sqlite3_errmsg(x->c->db));
            *slot = NULL;
            return NULL;
        }
    }
    sqlite3_reset(*slot);
    sqlite3_clear_bindings(*slot);
    return *slot;
}

static dl_status fail(ctx *x, const char *what)
{
    snprintf(x->message, x->message_size, "%s: %s", what, sqlite3_errmsg(x->c->db));
    return DL_ERR_DB;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_day(sqlite3_stmt *st, int i, int64_t day)
{
    if (day == INT64_MIN)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, day);
}

/* Days since 1970-01-01 of an ISO date; INT64_MIN for none. */
static int64_t day_number(const char *iso)
{
    int y, m, d;
    if (!iso || !dl_date_ymd(iso, &y, &m, &d))
        return INT64_MIN;
    /* Howard Hinnant's days_from_civil. */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dl_corpus_outlet(const char *source, char *out, size_t size)
{
    if (!size)
        return;
    out[0] = '\0';
    if (!source)
        return;
    const char *p = strstr(source, "://");
    if (!p) {
        snprintf(out, size, "%s", source);
        return;
    }
    p += 3;
    const char *at = p;
    while (*at && *at != '/' && *at != '@')
        at++;
    if (*at == '@')
        p = at + 1;
    if (!strncasecmp(p, "www.", 4))
        p += 4;
    size_t n = 0;
    while (p[n] && p[n] != '/' && p[n] != ':' && p[n] != '?' && p[n] != '#' && n + 1 < size) {
        char ch = p[n];
        out[n] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
        n++;
    }
    out[n] = '\0';
}

/* ------------------------------------------------------------ duplicates */

typedef struct dup_result {
    int64_t of;      /* first copy's article row, or 0 */
    int64_t story;   /* its story */
    const char *kind;
    double score;
} dup_result;

/* The lead key: the body's first twelve words, which a teaser repeats. */
static int64_t lead_key(const char *body, size_t len)
{
    size_t words = 0, i = 0;
    uint64_t h = 0x6c656164ULL;
    bool in = false;
    for (; i < len && words < 12; i++) {
        unsigned char ch = (unsigned char)body[i];
        bool w = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
        if (w) {
            h = (h ^ (uint64_t)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch)) * 0x100000001b3ULL;
            in = true;
        } else if (in) {
            words++;
            h = dl_hash_mix(h);
            in = false;
        }
    }
    if (in)
        words++;
    return words >= 8 ? (int64_t)(dl_hash_mix(h) >> 1) : 0;
}

/* Exact comparison of the new body with a stored article's. */
static dl_status compare_bodies(ctx *x, const uint64_t *sh, size_t n, int64_t other, double *jaccard,
                                double *contained_small, double *ratio, bool *new_is_smaller)
{
    sqlite3_stmt *st = stmt(x, S_BODY);
    if (!st)
        return DL_ERR_DB;
    sqlite3_bind_int64(st, 1, other);
    *jaccard = *contained_small = *ratio = 0;
    if (sqlite3_step(st) != SQLITE_ROW)
        return DL_OK;
    const char *body = (const char *)sqlite3_column_text(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    uint64_t *osh;
    size_t on;
    dl_shingles(body ? body : "", body ? len : 0, &osh, &on);
    if (!on || !n) {
        free(osh);
        return DL_OK;
    }
    size_t common = dl_shingles_common(sh, n, osh, on);
    free(osh);
    size_t small = n < on ? n : on, big = n < on ? on : n;
    *jaccard = (double)common / (double)(n + on - common);
    *contained_small = (double)common / (double)small;
    *ratio = (double)small / (double)big;
    *new_is_smaller = n <= on;
    return DL_OK;
}

/* Judges one candidate; keeps it in *best when it is a closer copy. */
static dl_status judge(ctx *x, const uint64_t *sh, size_t n, int64_t cand, int64_t root, int64_t story,
                       dup_result *best)
{
    double j, cs, ratio;
    bool smaller = false;
    dl_status st = compare_bodies(x, sh, n, cand, &j, &cs, &ratio, &smaller);
    if (st)
        return st;
    const char *kind = NULL;
    double score = 0;
    if (j >= NEAR_JACCARD || (ratio >= TEASER_RATIO && cs >= NEAR_CONTAINED))
        kind = "near", score = j > cs ? j : cs;
    else if (ratio < TEASER_RATIO && cs >= TEASER_CONTAINED)
        kind = smaller ? "contained" : "contains", score = cs;
    if (kind && score > best->score) {
        best->of = root;
        best->story = story;
        best->kind = kind;
        best->score = score;
    }
    return DL_OK;
}

typedef struct cand {
    int64_t article, root, story;
    double estimate;
    bool lead;
} cand;

/* Reads a candidate's stored fingerprint and scores it by its minhash
 * estimate (the better of Jaccard and containment of the smaller text). */
static dl_status estimate(ctx *x, const dl_fingerprint *fp, cand *c)
{
    sqlite3_stmt *st = stmt(x, S_CAND);
    if (!st)
        return DL_ERR_DB;
    sqlite3_bind_int64(st, 1, c->article);
    c->estimate = -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return DL_OK;
    dl_fingerprint other = {0};
    const void *blob = sqlite3_column_blob(st, 0);
    if (blob && sqlite3_column_bytes(st, 0) == (int)sizeof other.minhash)
        memcpy(other.minhash, blob, sizeof other.minhash);
    other.n = (uint32_t)sqlite3_column_int64(st, 1);
    c->root = sqlite3_column_int64(st, 2);
    c->story = sqlite3_column_int64(st, 3);
    /* A teaser's Jaccard estimate is low by nature (its set is small), so
     * containment is screened on its own estimate. */
    double j = dl_fingerprint_jaccard(fp, &other);
    double k = fp->n < other.n ? dl_fingerprint_containment(fp, &other) : dl_fingerprint_containment(&other, fp);
    c->estimate = j > k ? j : k;
    if (!c->lead && j < CANDIDATE_JACCARD && k < 0.5)
        c->estimate = -1;
    return DL_OK;
}

static int by_estimate(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->estimate != y->estimate)
        return x->estimate < y->estimate ? 1 : -1;
    return (x->article > y->article) - (x->article < y->article);
}

static dl_status find_duplicate(ctx *x, const dl_fingerprint *fp, const uint64_t *sh, size_t n, int64_t lead,
                                dup_result *best)
{
    memset(best, 0, sizeof *best);
    if (!fp->n)
        return DL_OK;
    sqlite3_stmt *st = stmt(x, S_EXACT);
    if (!st)
        return DL_ERR_DB;
    sqlite3_bind_int64(st, 1, (int64_t)fp->exact);
    if (sqlite3_step(st) == SQLITE_ROW) {
        best->of = sqlite3_column_int64(st, 1);
        best->story = sqlite3_column_int64(st, 2);
        best->kind = "exact";
        best->score = 1;
        return DL_OK;
    }
    cand cands[MAX_CANDIDATES + 8];
    size_t nc = 0;
    if (!(st = stmt(x, S_BANDS)))
        return DL_ERR_DB;
    for (int b = 0; b < DL_LSH_BANDS; b++)
        sqlite3_bind_int64(st, b + 1, dl_fingerprint_band(fp, b));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && nc < MAX_CANDIDATES)
        cands[nc++] = (cand){.article = sqlite3_column_int64(st, 0)};
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(x, "looking up near duplicates");
    if (lead) {
        if (!(st = stmt(x, S_LEAD)))
            return DL_ERR_DB;
        sqlite3_bind_int64(st, 1, lead);
        while (sqlite3_step(st) == SQLITE_ROW && nc < MAX_CANDIDATES + 8) {
            int64_t a = sqlite3_column_int64(st, 0);
            size_t k = 0;
            while (k < nc && cands[k].article != a)
                k++;
            if (k == nc)
                cands[nc++] = (cand){.article = a};
            cands[k].lead = true;
        }
    }
    for (size_t i = 0; i < nc; i++) {
        dl_status s2 = estimate(x, fp, &cands[i]);
        if (s2)
            return s2;
    }
    /* The exact check reads and shingles a stored body: only the most
     * promising few, best first, and none after a near-certain copy. */
    qsort(cands, nc, sizeof *cands, by_estimate);
    for (size_t i = 0; i < nc && i < MAX_VERIFY && cands[i].estimate >= 0 && best->score < 0.95; i++) {
        dl_status s2 = judge(x, sh, n, cands[i].article, cands[i].root, cands[i].story, best);
        if (s2)
            return s2;
    }
    return DL_OK;
}

/* ---------------------------------------------------------------- stories */

typedef struct term {
    int64_t hash;
    double tf, prior, weight;
    bool actor;
} term;

typedef struct term_set {
    term *v;
    size_t n, cap;
} term_set;

/* prior: how telling the term looks before its document frequency is
 * known (names, coded actors and events more than other words). */
static int term_add(term_set *s, int64_t hash, double tf, double prior)
{
    /* Linear probing would be faster; articles have a few hundred distinct
     * terms, and this runs once per article. */
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].hash == hash) {
            s->v[i].tf += tf;
            if (prior > s->v[i].prior)
                s->v[i].prior = prior;
            return 0;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        term *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v, s->cap = cap;
    }
    s->v[s->n++] = (term){hash, tf, prior, 0, false};
    return 0;
}

/* English function words and reporting verbs: they say nothing about what
 * happened, and a young store has too few articles for their document
 * frequency to show it. */
static bool is_stopword(const char *w, size_t n)
{
    static const char *const words[] = {
        "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "have", "had",
        "not", "but", "his", "her", "its", "their", "they", "them", "she", "him", "who", "which", "will",
        "would", "said", "says", "say", "told", "also", "after", "before", "about", "into", "over", "than",
        "been", "being", "more", "most", "other", "some", "such", "there", "these", "those", "when", "where",
        "while", "what", "our", "out", "one", "two", "all", "any", "can", "could", "may", "might", "new",
        "last", "first", "year", "years", "week", "day", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "according", "added", "did", "does", "just", "only", "very",
        "because", "between", "during", "under", "against", "since", "through", "both", "each", "then",
    };
    if (n < 3)
        return true;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && !strncmp(words[i], w, n))
            return true;
    return false;
}

static int64_t term_hash(const char *kind, const char *text, size_t n)
{
    return (int64_t)(dl_hash64(text, n, dl_hash64(kind, strlen(kind), 0x7465726dULL)) >> 1);
}

/* Words of the title (counted twice: it names the happening) and body,
 * the article's coded actors and its events' (source, target, root). */
static int collect_terms(term_set *s, const dl_analysis *an)
{
    const dl_article *a = an->article;
    const char *texts[2] = {a->title ? a->title : "", a->body};
    size_t lens[2] = {strlen(texts[0]), a->body_len};
    char w[64];
    for (int t = 0; t < 2; t++) {
        const char *p = texts[t], *end = p + lens[t];
        while (p < end) {
            size_t n = 0;
            bool capital = p < end && *p >= 'A' && *p <= 'Z';
            while (p < end) {
                unsigned char ch = (unsigned char)*p;
                bool word = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                            ch >= 0x80;
                if (!word)
                    break;
                if (n < sizeof w)
                    w[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : (char)ch;
                p++;
            }
            if (n && n < sizeof w && !is_stopword(w, n) &&
                term_add(s, term_hash("w", w, n), t == 0 ? 2 : 1, capital ? 1.5 : 1))
                return -1;
            if (p < end && !n)
                p++;
            else if (p < end)
                p++;
        }
    }
    for (size_t i = 0; i < an->n_mentions; i++) {
        const char *code = an->mentions[i].code;
        if (code && *code && term_add(s, term_hash("a", code, strlen(code)), 1, 2))
            return -1;
        if (code && *code)
            for (size_t k = 0; k < s->n; k++)
                if (s->v[k].hash == term_hash("a", code, strlen(code)))
                    s->v[k].actor = true;
    }
    for (size_t i = 0; i < an->n_events; i++) {
        const dl_event *e = &an->events[i];
        char key[96];
        int n = snprintf(key, sizeof key, "%s|%s|%s", e->source.code ? e->source.code : "",
                         e->target.code ? e->target.code : "", e->cameo_root ? e->cameo_root : "");
        if (n > 0 && term_add(s, term_hash("e", key, (size_t)n < sizeof key ? (size_t)n : sizeof key - 1), 2, 2))
            return -1;
    }
    return 0;
}

static int by_weight(const void *a, const void *b)
{
    const term *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->hash > y->hash) - (x->hash < y->hash);
}

typedef struct story_score {
    int64_t story;
    double cover;
} story_score;

/* The article's signature (its SIGNATURE_TERMS heaviest terms by tf-idf,
 * with the document frequencies the store had before it) and the story
 * among those active around `day` whose terms cover most of it. */
static dl_status choose_story(ctx *x, term_set *terms, int64_t day, int64_t *story, size_t *n_sig)
{
    *story = 0;
    sqlite3_stmt *st = stmt(x, S_N);
    if (!st)
        return DL_ERR_DB;
    double n_docs = sqlite3_step(st) == SQLITE_ROW ? (double)sqlite3_column_int64(st, 0) : 0;
    /* Only the CANDIDATE_TERMS likeliest terms (by count and prior) are
     * weighed by their document frequency, counted and kept: the rest
     * could not make the signature, and each costs two lookups. */
    for (size_t i = 0; i < terms->n; i++)
        terms->v[i].weight = terms->v[i].tf * terms->v[i].prior;
    qsort(terms->v, terms->n, sizeof *terms->v, by_weight);
    if (terms->n > CANDIDATE_TERMS)
        terms->n = CANDIDATE_TERMS;
    for (size_t i = 0; i < terms->n; i++) {
        if (!(st = stmt(x, S_DF_ADD)))
            return DL_ERR_DB;
        sqlite3_bind_int64(st, 1, terms->v[i].hash);
        if (sqlite3_step(st) != SQLITE_ROW)
            return fail(x, "counting terms");
        double df = (double)sqlite3_column_int64(st, 0) - 1;
        sqlite3_reset(st);
        double idf = log((n_docs + 1) / (df + 1)) + 1;
        /* Coded actors say who, not what happened: two stories about one
         * pair of countries share them; they count half. */
        terms->v[i].weight = (1 + log(terms->v[i].tf)) * idf * (terms->v[i].actor ? ACTOR_WEIGHT : 1);
    }
    qsort(terms->v, terms->n, sizeof *terms->v, by_weight);
    *n_sig = terms->n < SIGNATURE_TERMS ? terms->n : SIGNATURE_TERMS;
    double total = 0;
    for (size_t i = 0; i < *n_sig; i++)
        total += terms->v[i].weight;
    if (total <= 0)
        return DL_OK;
    story_score scores[256];
    size_t ns = 0;
    for (size_t i = 0; i < *n_sig; i++) {
        if (!(st = stmt(x, S_STORY_TERMS)))
            return DL_ERR_DB;
        sqlite3_bind_int64(st, 1, terms->v[i].hash);
        bind_day(st, 2, day);
        sqlite3_bind_int(st, 3, DL_STORY_WINDOW_DAYS);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t s = sqlite3_column_int64(st, 0);
            double share = (double)sqlite3_column_int64(st, 1) / (double)(sqlite3_column_int64(st, 2) + 0.0001);
            if (share > 1)
                share = 1;
            size_t k = 0;
            while (k < ns && scores[k].story != s)
                k++;
            if (k == ns) {
                if (ns == sizeof scores / sizeof *scores)
                    continue;
                scores[ns++] = (story_score){s, 0};
            }
            scores[k].cover += terms->v[i].weight * share / total;
        }
        if (rc != SQLITE_DONE)
            return fail(x, "scoring stories");
    }
    double best = STORY_COVER;
    for (size_t k = 0; k < ns; k++)
        if (scores[k].cover >= best && (scores[k].cover > best || !*story || scores[k].story < *story))
            best = scores[k].cover, *story = scores[k].story;
    return DL_OK;
}

static dl_status containment_in_story(ctx *x, const uint64_t *sh, size_t n, int64_t story, dup_result *best)
{
    int64_t members[MAX_STORY_CHECKS];
    size_t nm = 0;
    sqlite3_stmt *st = stmt(x, S_STORY_MEMBERS);
    if (!st)
        return DL_ERR_DB;
    sqlite3_bind_int64(st, 1, story);
    while (sqlite3_step(st) == SQLITE_ROW && nm < MAX_STORY_CHECKS)
        members[nm++] = sqlite3_column_int64(st, 0);
    for (size_t i = 0; i < nm; i++) {
        dl_status s2 = judge(x, sh, n, members[i], members[i], story, best);
        if (s2)
            return s2;
    }
    return DL_OK;
}

static dl_status step_done(ctx *x, sqlite3_stmt *st, const char *what)
{
    return sqlite3_step(st) == SQLITE_DONE ? DL_OK : fail(x, what);
}

/* ----------------------------------------------------------------- events */

static dl_status link_events(ctx *x, const dl_analysis *an, const int64_t *rows, int64_t article, int64_t story,
                             const char *outlet)
{
    for (size_t i = 0; i < an->n_events; i++) {
        const dl_event *e = &an->events[i];
        bool asserted = e->factuality && !strcmp(e->factuality, "asserted");
        char place[160] = "";
        if (e->location_text || e->location_country)
            snprintf(place, sizeof place, "%s|%s", e->location_country ? e->location_country : "",
                     e->location_text ? e->location_text : "");
        for (char *p = place; *p; p++)
            if (*p >= 'A' && *p <= 'Z' && p > strchr(place, '|'))
                *p = (char)(*p + 32);
        int64_t day = day_number(e->date), grp = 0;
        sqlite3_stmt *st;
        if (asserted) {
            if (!(st = stmt(x, S_GROUP_FIND)))
                return DL_ERR_DB;
            sqlite3_bind_int64(st, 1, story);
            bind_text(st, 2, e->cameo_root);
            bind_text(st, 3, e->source.code);
            bind_text(st, 4, e->target.code);
            bind_text(st, 5, *place ? place : NULL);
            bind_day(st, 6, day);
            if (sqlite3_step(st) == SQLITE_ROW)
                grp = sqlite3_column_int64(st, 0);
        }
        if (!grp) {
            if (!(st = stmt(x, S_GROUP_NEW)))
                return DL_ERR_DB;
            sqlite3_bind_int64(st, 1, story);
            bind_text(st, 2, e->cameo_root);
            bind_text(st, 3, e->source.code);
            bind_text(st, 4, e->target.code);
            bind_text(st, 5, *place ? place : NULL);
            bind_day(st, 6, day);
            sqlite3_bind_int(st, 7, asserted);
            sqlite3_bind_int64(st, 8, rows[i]);
            if (step_done(x, st, "storing an event group"))
                return DL_ERR_DB;
            grp = sqlite3_last_insert_rowid(x->c->db);
        }
        if (!(st = stmt(x, S_LINK_ADD)))
            return DL_ERR_DB;
        sqlite3_bind_int64(st, 1, rows[i]);
        sqlite3_bind_int64(st, 2, grp);
        sqlite3_bind_int64(st, 3, article);
        bind_text(st, 4, outlet);
        if (step_done(x, st, "linking an event"))
            return DL_ERR_DB;
        if (!(st = stmt(x, S_GROUP_COUNT)))
            return DL_ERR_DB;
        sqlite3_bind_int64(st, 1, grp);
        if (step_done(x, st, "counting an event's mentions"))
            return DL_ERR_DB;
    }
    return DL_OK;
}

/* ------------------------------------------------------------------- add */

/* Bodies shorter than this are not linked as copies: a line of
 * boilerplate left after cleaning says nothing about the article. */
enum { MIN_COPY_WORDS = 12 };

static dl_status add(ctx *x, const dl_analysis *an, int64_t row, const int64_t *event_rows, term_set *terms,
                     uint64_t **sh)
{
    const dl_article *a = an->article;
    dl_fingerprint fp;
    dl_fingerprint_compute(&fp, a->body, a->body_len);
    size_t n;
    dl_shingles(a->body, a->body_len, sh, &n);
    int64_t lead = lead_key(a->body, a->body_len), day = day_number(a->date);
    char outlet[256];
    dl_corpus_outlet(a->source, outlet, sizeof outlet);
    dup_result dup;
    dl_status st = fp.words >= MIN_COPY_WORDS ? find_duplicate(x, &fp, *sh, n, lead, &dup) : DL_OK;
    if (fp.words < MIN_COPY_WORDS)
        memset(&dup, 0, sizeof dup);
    if (st)
        return st;
    if (collect_terms(terms, an))
        return DL_ERR_NOMEM;
    int64_t story = dup.of ? dup.story : 0;
    size_t n_sig = 0;
    if ((st = choose_story(x, terms, day, dup.of ? &(int64_t){0} : &story, &n_sig)))
        return st;
    if (dup.of)
        story = dup.story;
    /* A short article that is no copy by its fingerprint may still be a
     * teaser of a story member the indexes did not surface. */
    if (!dup.of && story && fp.words >= MIN_COPY_WORDS && fp.words < 150 && (st = containment_in_story(x, *sh, n, story, &dup)))
        return st;
    sqlite3_stmt *q;
    if (!story) {
        if (!(q = stmt(x, S_STORY_NEW)))
            return DL_ERR_DB;
        char title[160];
        if (a->title && *a->title)
            snprintf(title, sizeof title, "%s", a->title);
        else
            snprintf(title, sizeof title, "%.100s", a->body);
        bind_text(q, 1, title);
        bind_text(q, 2, a->date);
        bind_text(q, 3, a->date);
        bind_day(q, 4, day);
        bind_day(q, 5, day);
        if (step_done(x, q, "starting a story"))
            return DL_ERR_DB;
        story = sqlite3_last_insert_rowid(x->c->db);
    }
    if (!(q = stmt(x, S_STORY_UPDATE)))
        return DL_ERR_DB;
    sqlite3_bind_int64(q, 1, story);
    bind_text(q, 2, a->date);
    bind_day(q, 3, day);
    if (step_done(x, q, "updating a story"))
        return DL_ERR_DB;
    /* The story keeps more of each article's terms than an article
     * brings to the comparison: a rewrite of the same report picks other
     * words to lead with, but most of them stand somewhere in the story. */
    size_t n_keep = terms->n < STORY_TERMS ? terms->n : STORY_TERMS;
    for (size_t i = 0; i < n_keep; i++) {
        if (!(q = stmt(x, S_STORY_TERM_ADD)))
            return DL_ERR_DB;
        sqlite3_bind_int64(q, 1, story);
        sqlite3_bind_int64(q, 2, terms->v[i].hash);
        if (step_done(x, q, "storing a story's terms"))
            return DL_ERR_DB;
    }
    if (!(q = stmt(x, S_ARTICLE_ADD)))
        return DL_ERR_DB;
    sqlite3_bind_int64(q, 1, row);
    sqlite3_bind_int64(q, 2, (int64_t)fp.exact);
    sqlite3_bind_int64(q, 3, (int64_t)fp.simhash);
    sqlite3_bind_blob(q, 4, fp.minhash, sizeof fp.minhash, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 5, fp.n);
    sqlite3_bind_int64(q, 6, fp.words);
    bind_text(q, 7, *outlet ? outlet : NULL);
    bind_day(q, 8, day);
    if (dup.of) {
        sqlite3_bind_int64(q, 9, dup.of);
        bind_text(q, 10, dup.kind);
        sqlite3_bind_double(q, 11, dup.score);
    }
    sqlite3_bind_int64(q, 12, story);
    if (step_done(x, q, "storing a fingerprint"))
        return DL_ERR_DB;
    /* Only first copies are indexed: a copy's neighbours are its
     * original's, and the index stays the size of the distinct texts. */
    if (!dup.of && fp.n) {
        for (int b = 0; b < DL_LSH_BANDS; b++) {
            if (!(q = stmt(x, S_BAND_ADD)))
                return DL_ERR_DB;
            sqlite3_bind_int64(q, 1, dl_fingerprint_band(&fp, b));
            sqlite3_bind_int64(q, 2, row);
            if (step_done(x, q, "indexing a fingerprint"))
                return DL_ERR_DB;
        }
        if (lead) {
            if (!(q = stmt(x, S_LEAD_ADD)))
                return DL_ERR_DB;
            sqlite3_bind_int64(q, 1, lead);
            sqlite3_bind_int64(q, 2, row);
            if (step_done(x, q, "indexing a lead"))
                return DL_ERR_DB;
        }
    }
    return link_events(x, an, event_rows, row, story, *outlet ? outlet : NULL);
}

dl_status dl_corpus_add(dl_corpus *c, const dl_analysis *an, int64_t row, const int64_t *event_rows,
                        char *message, size_t message_size)
{
    ctx x = {c, message, message_size};
    term_set terms = {0};
    uint64_t *sh = NULL;
    dl_status st = add(&x, an, row, event_rows, &terms, &sh);
    free(terms.v);
    free(sh);
    return st;
}

int dl_corpus_candidates(dl_corpus *c, const void *fingerprint, int64_t *out, int max)
{
    char message[256];
    ctx x = {c, message, sizeof message};
    const dl_fingerprint *fp = fingerprint;
    sqlite3_stmt *st = stmt(&x, S_BANDS);
    if (!st)
        return -1;
    for (int b = 0; b < DL_LSH_BANDS; b++)
        sqlite3_bind_int64(st, b + 1, dl_fingerprint_band(fp, b));
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (n < max)
            out[n++] = sqlite3_column_int64(st, 0);
    return rc == SQLITE_DONE ? n : -1;
}
