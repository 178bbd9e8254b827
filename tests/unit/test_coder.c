/* test_coder.c: the event coder on hand-built sentences (tokens, tags,
 * chunks and mentions written out), so its rules are tested apart from the
 * tagger and the actor matcher. */
#include "test.h"
#include "base/arena.h"

#include <stdlib.h>
#include <unistd.h>

static const char verbs[] =
    "&AIRSTRIKE\n+AIR_STRIKES\n+AIRSTRIKES\n\n"
    "--- ATTACK [190] ---\nATTACK\nSTRIKE {STRUCK}\n- * + WITH &AIRSTRIKE [195]\n"
    "--- CONDUCT [---] ---\nCONDUCT\n- * &AIRSTRIKE [195]\n"
    "--- SAY [010] ---\nSAY {SAID}\n"
    "--- DENY [016] ---\nDENY\n"
    "--- REJECT [120] ---\nREJECT\n"
    "--- PRESSURE [1041] ---\nPRESSURE\n"
    "--- BREACH [176] ---\nBREACH\n- * NETWORKS [176] # cyber\n";

static dl_coder *coder(void)
{
    static dl_coder *c;
    if (c)
        return c;
    char path[] = "/tmp/dl-test-verbs-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, verbs, sizeof verbs - 1) != (ssize_t)(sizeof verbs - 1))
        abort();
    close(fd);
    char data[4096];
    snprintf(data, sizeof data, "%s/data", dl_test_root());
    const char *files[] = {path};
    dl_coder_options o = DL_CODER_OPTIONS_INIT;
    o.data_dir = data;
    o.verb_files = files;
    o.n_verb_files = 1;
    if (dl_coder_open(&c, &o) != DL_OK)
        abort();
    unlink(path);
    return c;
}

/* A sentence from "word/TAG[/lemma] ..." with byte offsets into a body
 * made of the words joined by spaces. */
typedef struct built {
    dl_arena *arena;
    dl_article article;
    dl_sentence s;
    dl_mention m[8];
    size_t n_m;
} built;

static void build(built *b, const char *spec)
{
    memset(b, 0, sizeof *b);
    b->arena = dl_arena_new(0);
    char *copy = dl_arena_strdup(b->arena, spec);
    char *body = dl_arena_alloc(b->arena, strlen(spec) + 1);
    size_t blen = 0;
    b->s.tokens = DL_ARENA_NEW(b->arena, dl_token, 64);
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " ")) {
        char *tag = strchr(w, '/');
        *tag++ = '\0';
        char *lemma = strchr(tag, '/');
        if (lemma)
            *lemma++ = '\0';
        dl_token *t = &b->s.tokens[b->s.n_tokens++];
        if (blen)
            body[blen++] = ' ';
        t->start = (uint32_t)blen;
        memcpy(body + blen, w, strlen(w));
        blen += strlen(w);
        t->end = (uint32_t)blen;
        t->text = w;
        t->tag = (uint8_t)dl_tag_from_name(tag, strlen(tag));
        char *lw = dl_arena_strdup(b->arena, lemma ? lemma : w);
        for (char *c = lw; *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
        t->lemma = lw;
    }
    body[blen] = '\0';
    b->s.end = (uint32_t)blen;
    b->article = (dl_article){.id = "t", .body = body, .body_len = blen, .date = "2023-10-28"};
    b->s.chunks = DL_ARENA_NEW(b->arena, dl_chunk, 16);
}

static void vg(built *b, uint32_t first, uint32_t end, uint32_t head, uint8_t flags)
{
    b->s.chunks[b->s.n_chunks++] = (dl_chunk){first, end, head, DL_CHUNK_VG, flags};
}

static void mention(built *b, uint32_t first, uint32_t last, const char *code, const char *kind)
{
    dl_mention *m = &b->m[b->n_m++];
    *m = (dl_mention){.first = first, .last = last, .head = last - 1, .code = code, .kind = kind,
                      .antecedent = -1, .entity = (int32_t)b->n_m};
    m->start = b->s.tokens[first].start;
    m->end = b->s.tokens[last - 1].end;
    m->text = dl_arena_strndup(b->arena, b->article.body + m->start, m->end - m->start);
    m->country = dl_arena_strndup(b->arena, code, 3);
}

typedef struct coded {
    dl_event *e;
    size_t n;
} coded;

static coded code(built *b, const dl_quote *quotes, size_t n_quotes)
{
    coded r = {0};
    CHECK_INT(dl_code_events(&r.e, &r.n, coder(), &b->article, &b->s, 1, b->m, b->n_m, quotes, n_quotes,
                             b->arena), DL_OK);
    return r;
}

TEST(coder_active_sentence)
{
    built b;
    build(&b, "Israeli/JJ forces/NNS attacked/VBD/attack Hamas/NNP targets/NNS ./.");
    vg(&b, 2, 3, 2, 0);
    mention(&b, 0, 2, "ISRMIL", "group");
    mention(&b, 3, 4, "PSEREBHMS", "group");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].cameo, "190");
        CHECK_STR(r.e[0].source.code, "ISRMIL");
        CHECK_STR(r.e[0].target.code, "PSEREBHMS");
        CHECK_INT(r.e[0].quad_class, 4);
        CHECK_STR(r.e[0].plover, "ASSAULT");
        CHECK(!r.e[0].negated);
        CHECK_STR(r.e[0].verb, "attacked");
    }
    dl_arena_free(b.arena);
}

TEST(coder_pattern_with_synset_and_location)
{
    built b;
    build(&b, "The/DT Israeli/JJ Air/NNP Force/NNP conducted/VBD/conduct air/NN strikes/NNS in/IN Gaza/NNP ./.");
    vg(&b, 4, 5, 4, 0);
    mention(&b, 0, 4, "ISRMIL", "group");
    mention(&b, 8, 9, "PSE", "place");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].cameo, "195");
        CHECK(r.e[0].target.code == NULL); /* "in Gaza" is where, not whom */
        CHECK_STR(r.e[0].location_text, "Gaza");
        CHECK_STR(r.e[0].location_country, "PSE");
        CHECK(r.e[0].pattern && strstr(r.e[0].pattern, "&AIRSTRIKE"));
    }
    dl_arena_free(b.arena);
}

TEST(coder_negated_modal_and_said)
{
    built b;
    build(&b, "China/NNP did/VBD not/RB attack/VB Taiwan/NNP ./.");
    vg(&b, 1, 4, 3, DL_VG_NEGATED);
    mention(&b, 0, 1, "CHN", "country");
    mention(&b, 4, 5, "TWN", "country");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    CHECK(r.n && r.e[0].negated);
    dl_arena_free(b.arena);

    build(&b, "China/NNP may/MD attack/VB Taiwan/NNP ./.");
    vg(&b, 1, 3, 2, DL_VG_MODAL);
    mention(&b, 0, 1, "CHN", "country");
    mention(&b, 3, 4, "TWN", "country");
    r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    /* ANNOTATION.md: the attack, marked hypothetical (PETRARCH's
     * convention, a threat, is for `validate` only) */
    CHECK(r.n && !strcmp(r.e[0].cameo, "190"));
    CHECK(r.n && !strcmp(r.e[0].factuality, "hypothetical"));
    CHECK(r.n && !r.e[0].negated);
    dl_arena_free(b.arena);

    build(&b, "Israel/NNP said/VBD/say Hamas/NNP attacked/VBD/attack Sderot/NNP ./.");
    vg(&b, 1, 2, 1, 0);
    vg(&b, 3, 4, 3, 0);
    mention(&b, 0, 1, "ISR", "country");
    mention(&b, 2, 3, "PSEREBHMS", "group");
    mention(&b, 4, 5, "ISR", "place");
    r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1); /* Hamas -> Israel; "said" alone codes nothing */
    if (r.n) {
        CHECK_STR(r.e[0].source.code, "PSEREBHMS");
        CHECK_STR(r.e[0].cameo, "190");
    }
    dl_arena_free(b.arena);
}

TEST(coder_passive_cyber_and_denial)
{
    built b;
    build(&b, "US/NNP telecoms/NNS were/VBD breached/VBN/breach by/IN Chinese/JJ hackers/NNS ./.");
    vg(&b, 2, 4, 3, DL_VG_PASSIVE);
    mention(&b, 0, 2, "USABUS", "group");
    mention(&b, 5, 7, "CHNSPY", "group");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].source.code, "CHNSPY");
        CHECK_STR(r.e[0].target.code, "USABUS");
        CHECK_STR(r.e[0].cameo, "176");
        CHECK_STR(r.e[0].plover, "COERCE");
        CHECK_STR(r.e[0].plover_mode, "cyber");
    }
    dl_arena_free(b.arena);

    build(&b, "Beijing/NNP denied/VBD/deny claims/NNS by/IN Washington/NNP that/IN it/PRP breached/VBD/breach networks/NNS ./.");
    vg(&b, 1, 2, 1, 0);
    vg(&b, 7, 8, 7, 0);
    mention(&b, 0, 1, "CHNGOV", "place");
    mention(&b, 4, 5, "USAGOV", "place");
    r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].cameo, "016");
        CHECK_STR(r.e[0].source.code, "CHNGOV");
        CHECK_STR(r.e[0].target.code, "USAGOV");
    }
    dl_arena_free(b.arena);
}

TEST(coder_compound_subjects_and_quote_speaker)
{
    built b;
    build(&b, "The/DT US/NNP ,/, UK/NNP and/CC France/NNP pressured/VBD/pressure Israel/NNP ./.");
    vg(&b, 6, 7, 6, 0);
    mention(&b, 1, 2, "USA", "country");
    mention(&b, 3, 4, "GBR", "country");
    mention(&b, 5, 6, "FRA", "country");
    mention(&b, 7, 8, "ISR", "country");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 3);
    dl_arena_free(b.arena);

    build(&b, "\"/`` We/PRP reject/VBP the/DT UN/NNP General/NNP Assembly/NNP call/NN ./.");
    vg(&b, 2, 3, 2, 0);
    mention(&b, 4, 7, "IGOUNO", "organisation");
    dl_quote q = {.speaker = "Cohen", .speaker_name = "Eli Cohen", .speaker_code = "ISRGOV",
                  .speaker_mention = -1, .direct = true, .start = 0, .end = (uint32_t)b.article.body_len};
    r = code(&b, &q, 1);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].source.code, "ISRGOV");
        CHECK_STR(r.e[0].source.name, "Eli Cohen");
        CHECK_STR(r.e[0].target.code, "IGOUNO");
        CHECK_STR(r.e[0].cameo, "120");
    }
    dl_arena_free(b.arena);
}

TEST(coder_nominal_frames)
{
    built b;
    build(&b, "In/IN a/DT call/NN with/IN Gallant/NNP ,/, Austin/NNP stressed/VBD the/DT need/NN ./.");
    vg(&b, 7, 8, 7, 0);
    mention(&b, 4, 5, "ISRGOV", "person");
    mention(&b, 6, 7, "USAGOV", "person");
    coded r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    if (r.n) {
        CHECK_STR(r.e[0].cameo, "041");
        CHECK_STR(r.e[0].source.code, "USAGOV");
        CHECK_STR(r.e[0].target.code, "ISRGOV");
        CHECK(strstr(r.e[0].pattern_file, "nominal.txt") != NULL);
    }
    dl_arena_free(b.arena);

    build(&b, "a/DT conversation/NN between/IN Biden/NNP and/CC Netanyahu/NNP ./.");
    mention(&b, 3, 4, "USAGOV", "person");
    mention(&b, 5, 6, "ISRGOV", "person");
    r = code(&b, NULL, 0);
    CHECK_INT(r.n, 1);
    CHECK(r.n && !strcmp(r.e[0].source.code, "USAGOV") && !strcmp(r.e[0].target.code, "ISRGOV"));
    dl_arena_free(b.arena);
}

/* Factuality (src/events/factuality.c): one sentence per path from the
 * predicate to the root, with the rule id it must report. */
static void check_fact(const char *spec, uint32_t n_vg, const uint32_t vgs[][3], const uint32_t ms[][2],
                       size_t n_m, const char *want, const char *rule)
{
    static const char *const codes[] = {"CHNGOV", "TWNGOV", "USAGOV"};
    built b;
    build(&b, spec);
    for (uint32_t i = 0; i < n_vg; i++)
        vg(&b, vgs[i][0], vgs[i][1], vgs[i][2], 0);
    for (size_t i = 0; i < n_m; i++)
        mention(&b, ms[i][0], ms[i][1], codes[i], "country");
    coded r = code(&b, NULL, 0);
    bool found = false;
    for (size_t i = 0; i < r.n; i++) {
        if (strcmp(r.e[i].cameo, "190"))
            continue;
        found = true;
        if (strcmp(r.e[i].factuality, want))
            dl_test_fail(__FILE__, __LINE__, "%s: factuality %s, expected %s", spec, r.e[i].factuality, want);
        bool has_rule = !rule;
        for (uint32_t k = 0; k < r.e[i].n_rules && rule; k++)
            has_rule |= !strcmp(r.e[i].rules[k], rule);
        if (!has_rule)
            dl_test_fail(__FILE__, __LINE__, "%s: rule %s not in explain.rules", spec, rule);
        CHECK(r.e[i].negated == !strcmp(want, "negated"));
    }
    if (!found)
        dl_test_fail(__FILE__, __LINE__, "%s: no attack coded", spec);
    dl_arena_free(b.arena);
}

TEST(coder_factuality_paths)
{
    const uint32_t two[][2] = {{0, 1}, {5, 6}};
    /* "China urged Taiwan to attack ..." style: the attack's governor */
    const uint32_t urge[][3] = {{1, 2, 1}, {4, 5, 4}};
    check_fact("China/NNP urged/VBD/urge Taiwan/NNP to/TO attack/VB USA/NNP ./.", 2, urge,
               (const uint32_t[][2]){{0, 1}, {2, 3}, {5, 6}}, 3, "embedded", "fact.want");
    check_fact("China/NNP plans/VBZ/plan to/TO attack/VB it/PRP Taiwan/NNP ./.", 2,
               (const uint32_t[][3]){{1, 2, 1}, {3, 4, 3}}, two, 2, "future", "fact.plan");
    check_fact("China/NNP refused/VBD/refuse to/TO attack/VB it/PRP Taiwan/NNP ./.", 2,
               (const uint32_t[][3]){{1, 2, 1}, {3, 4, 3}}, two, 2, "negated", "fact.fail");
    check_fact("If/IN China/NNP attacks/VBZ/attack Taiwan/NNP ,/, talks/NNS end/VBP ./.", 2,
               (const uint32_t[][3]){{2, 3, 2}, {6, 7, 6}}, (const uint32_t[][2]){{1, 2}, {3, 4}}, 2,
               "hypothetical", "fact.conditional");
    check_fact("Analysts/NNS said/VBD/say China/NNP attacked/VBD/attack Taiwan/NNP ./.", 2,
               (const uint32_t[][3]){{1, 2, 1}, {3, 4, 3}}, (const uint32_t[][2]){{2, 3}, {4, 5}}, 2,
               "asserted", NULL);
    check_fact("Beijing/NNP denied/VBD/deny that/IN China/NNP attacked/VBD/attack Taiwan/NNP ./.", 2,
               (const uint32_t[][3]){{1, 2, 1}, {4, 5, 4}}, (const uint32_t[][2]){{3, 4}, {5, 6}}, 2,
               "disputed", "fact.deny");
    check_fact("China/NNP moved/VBD troops/NNS in/IN order/NN to/TO attack/VB Taiwan/NNP ./.", 2,
               (const uint32_t[][3]){{1, 2, 1}, {6, 7, 6}}, (const uint32_t[][2]){{0, 1}, {7, 8}}, 2,
               "embedded", "fact.purpose");
    check_fact("China/NNP will/MD attack/VB Taiwan/NNP ./.", 1, (const uint32_t[][3]){{1, 3, 2}},
               (const uint32_t[][2]){{0, 1}, {3, 4}}, 2, "future", "fact.future");
    check_fact("China/NNP allegedly/RB attacked/VBD/attack Taiwan/NNP ./.", 1, (const uint32_t[][3]){{2, 3, 2}},
               (const uint32_t[][2]){{0, 1}, {3, 4}}, 2, "disputed", "fact.alleged");
}
