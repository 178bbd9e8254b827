/* actor_int.h: what the parts of the actor stage share. Internal to
 * src/extract/actor*.c.
 *
 * The stage has four parts:
 *   actors.c       loading the dictionaries and compiling them into one
 *                  character trie (dl_actors_open/close), and the driver
 *                  dl_actors_find();
 *   actor_match.c  one sentence's tokens cut into normalised "pieces" and
 *                  matched against the trie, giving "atoms": dictionary
 *                  actors, agents (role words), surnames seen earlier,
 *                  pronouns and unknown capitalised names;
 *   actor_coref.c  atoms combined into mentions ("Israel's Defence Minister
 *                  Yoav Gallant" is one), coded on the article's date, and
 *                  resolved to earlier mentions of the same entity;
 *   actor_codes.c  CAMEO-style codes taken apart and put together
 *                  (country + roles, prefix roles, "former" -> ELI);
 *   actor_infer.c  after the whole article: kinds of unknown names and
 *                  countries from context (inferred, with evidence).
 *
 * Matching works on characters, not words: a phrase and a stretch of text
 * match when their normalised forms are equal, where normalising upper-cases
 * (with accents stripped), makes curly apostrophes straight, drops periods
 * ("U.S." = "US") and treats hyphens like spaces ("al-Qassam" = "AL QASSAM").
 * Tokens written without space between them are joined without one, so
 * "AT&T" matches however the tokenizer cut it. */
#ifndef DL_EXTRACT_ACTOR_INT_H
#define DL_EXTRACT_ACTOR_INT_H

#include "dateline.h"
#include "dict/dict.h"

/* ------------------------------------------------------------------ trie */

enum { DL_PAY_ACTOR = 1, DL_PAY_AGENT = 2 };

/* A trie node. Children form a singly linked sibling list; the root's
 * children, and those of nodes with many (the first letters of thousands
 * of names), are found through a 256-entry table instead. Index 0 is the
 * root, so 0 also means "none" for child and sibling. */
typedef struct dl_trie_node {
    uint32_t child, sibling;
    uint32_t payload; /* first payload + 1; 0: no phrase ends here */
    uint32_t table;   /* child table + 1 (256 entries at tables[256 * (table - 1)]), or 0 */
    uint8_t byte;
} dl_trie_node;

/* What a phrase that ends at a node stands for. */
typedef struct dl_trie_payload {
    uint32_t index;  /* entry in the actor or agent dictionary */
    uint32_t next;   /* next payload of the same node + 1, or 0 */
    uint8_t type;    /* DL_PAY_* */
    uint8_t plural;  /* agents: this form is a plural ("officials") */
} dl_trie_payload;

struct dl_actors {
    bool country_as_government; /* see dl_actors_options */
    bool infer_context;
    dl_diag_fn diag;            /* undated articles whose codes depend on the date */
    void *diag_user;
    dl_actor_dict actors;
    dl_agent_dict agents;
    dl_trie_node *nodes;
    size_t n_nodes, cap_nodes;
    uint32_t root[256];
    dl_trie_payload *pays;
    size_t n_pays, cap_pays;
    uint32_t *tables; /* see dl_trie_node.table */
    /* The canonical office of each dated actor code, found by reading its
     * office ("defense secretary") through the agents ("defence minister"),
     * so that offices written two ways still meet. codes of entry e start
     * at canon[canon_base[e]]. NULL where the code names no office. */
    const char **canon;
    uint32_t *canon_base;
    /* The office of each code as shown: the comment without remarks
     * ("defense secretary (secretary of war from ...)  # approx"). */
    const char **office;
};

/* The child of node for byte c, or 0. */
static inline uint32_t dl_trie_step(const dl_actors *a, uint32_t node, unsigned char c)
{
    if (node == 0)
        return a->root[c];
    if (a->nodes[node].table)
        return a->tables[256 * (size_t)(a->nodes[node].table - 1) + c];
    for (uint32_t k = a->nodes[node].child; k; k = a->nodes[k].sibling)
        if (a->nodes[k].byte == c)
            return k;
    return 0;
}

/* Walks the normalised key s (n bytes) from the root; 0 when absent. */
uint32_t dl_trie_find(const dl_actors *a, const char *s, size_t n);

/* Normalises a dictionary phrase ("AL-QASSAM_BRIGADES", "U.S.") into the
 * key the trie holds ("AL QASSAM BRIGADES", "US"). Appends to out. */
dl_status dl_actor_key(dl_buf *out, const char *phrase);

/* Normalises one piece of text (no hyphens or spaces in it) into out:
 * returns the number of bytes written (out has room for 4 * n + 4). Sets
 * *cap when the first letter is upper case, *allcaps when every letter is
 * (and there is one). */
size_t dl_actor_norm(char *out, const char *s, size_t n, bool *cap, bool *allcaps);

/* True when cp separates pieces inside a token (hyphens). */
bool dl_actor_is_hyphen(int32_t cp);
/* Where the segment of s that starts at i ends: at the next hyphen or at n.
 * *next is where the segment after the hyphen starts (n + 1 when none). */
size_t dl_actor_segment_end(const char *s, size_t n, size_t i, size_t *next);

/* ----------------------------------------------------------- per article */

/* A piece: a token, or a part of a hyphenated token, normalised. */
enum {
    DL_PIECE_CAP = 1 << 0,      /* starts with an upper-case letter */
    DL_PIECE_ALLCAPS = 1 << 1,  /* has letters, all upper case */
    DL_PIECE_GLUE = 1 << 2,     /* no space (or hyphen) before it */
    DL_PIECE_STOP = 1 << 3,     /* normalises to nothing (".", "-"): no match crosses it */
    DL_PIECE_FIRST = 1 << 4,    /* first piece of its token */
    DL_PIECE_WORD = 1 << 5,     /* starts with a letter or digit */
};

typedef struct dl_piece {
    uint32_t text;        /* offset of the normalised text in the sentence buffer */
    uint32_t len;
    uint32_t token;       /* its token, index in the sentence */
    uint32_t start, end;  /* bytes in the body */
    uint8_t flags;
} dl_piece;

enum {
    DL_ATOM_ACTOR = 1, /* a dictionary actor, or a surname seen before (alias) */
    DL_ATOM_AGENT,     /* a role word */
    DL_ATOM_PRONOUN,   /* he, she, him */
    DL_ATOM_NAME,      /* capitalised words no dictionary knows */
};

typedef struct dl_atom {
    uint8_t kind;
    bool plural;          /* agents */
    bool alias;           /* found through a surname seen earlier */
    uint32_t p0, p1;      /* pieces [p0, p1) */
    uint32_t t0, t1;      /* tokens [t0, t1) */
    uint32_t start, end;  /* bytes in the body */
    const dl_actor_entry *entry; /* actors */
    const dl_agent_entry *agent; /* agents */
    const dl_actor_entry *lead;  /* agents that begin with an actor: "IDF spokesperson" */
    const char *name;     /* names: the words as written; aliases of names: the first */
} dl_atom;

/* A surname (or last word of a name) that stands for someone named before. */
typedef struct dl_alias {
    const char *key;             /* normalised, "GALLANT" */
    const dl_actor_entry *entry; /* a person, or NULL for an unknown name */
    const char *name;            /* the unknown name, "Maria Lopez" */
} dl_alias;

/* One entity of the article: mentions with the same entity value. */
typedef struct dl_entity {
    const dl_actor_entry *entry; /* dictionary actors: their entry */
    const char *key;             /* else the code, or the unknown name */
    const char *code;            /* dictionary actors: their code on the date */
    bool person;
    int32_t last;                /* its latest mention */
} dl_entity;

typedef struct dl_actor_ctx {
    const dl_actors *actors;
    const dl_article *article;
    int32_t date;
    dl_arena *arena;
    /* the mentions so far */
    dl_mention *mentions;
    size_t n_mentions, cap_mentions;
    dl_entity *entities;
    size_t n_entities, cap_entities;
    dl_alias *aliases;
    size_t n_aliases, cap_aliases;
    /* Lookups that would otherwise scan every entity or alias, which
     * would make a long article quadratic: "e"+entry pointer, "k"+key and
     * "c"+code of a dictionary entity -> entity + 1; alias key -> alias + 1. */
    struct dl_map *entity_map;
    struct dl_map *alias_map;
    /* scratch for the current sentence (malloc'ed, reused) */
    const dl_sentence *sentence;
    dl_buf text;
    dl_piece *pieces;
    size_t n_pieces, cap_pieces;
    dl_atom *atoms;
    size_t n_atoms, cap_atoms;
    /* Did a code chosen without a date depend on one (a dated entry)? */
    bool undated_choice;
} dl_actor_ctx;

/* actor_match.c: cuts the sentence into pieces and finds its atoms. */
dl_status dl_actor_scan(dl_actor_ctx *ctx, const dl_sentence *sentence);

/* actor_coref.c: turns the sentence's atoms into mentions. */
dl_status dl_actor_compose(dl_actor_ctx *ctx);

/* actor_infer.c: after the last sentence, codes what has no country of
 * its own from its context (see dl_actors_options.infer_context). */
dl_status dl_actor_infer(dl_actor_ctx *ctx, const dl_sentence *sentences, size_t n_sentences);
/* The kind of an unknown name in the current sentence: organisation,
 * place, person or unknown. */
const char *dl_actor_name_kind(const dl_actor_ctx *ctx, const dl_atom *a);
/* Is w a word that ends organisation names ("Bank", "Commission") or
 * place names ("River", "Province")? Case is ignored. */
bool dl_actor_org_word(const char *w);
bool dl_actor_place_word(const char *w);

/* Helpers shared by the two. */
/* The entry's code on the context's date, or NULL. */
const dl_actor_code *dl_actor_code_of(const dl_actor_ctx *ctx, const dl_actor_entry *e);
/* The office the entry's code c names, as shown in mentions, or NULL. */
const char *dl_actor_office(const dl_actors *a, const dl_actor_entry *e, const dl_actor_code *c);
/* The entry's kind, guessed from its codes when the dictionary gives none. */
const char *dl_actor_kind(const dl_actor_entry *e);
/* Registers the surname of a person (or the last word of an unknown name). */
dl_status dl_actor_add_alias(dl_actor_ctx *ctx, const dl_actor_entry *entry, const char *name);
/* The alias for a normalised word, or NULL. */
const dl_alias *dl_actor_find_alias(const dl_actor_ctx *ctx, const char *key, size_t n);
/* The entity of a dictionary entry, or -1. */
int32_t dl_actor_entry_entity(const dl_actor_ctx *ctx, const dl_actor_entry *e);

/* actor_codes.c */
/* Three-letter codes that open a code without being a country (IGO, GOV...). */
bool dl_actor_role_prefix(const char *c);
bool dl_actor_three_letters(const char *c);
/* The country and role of a CAMEO-style code, in the arena. */
void dl_actor_split_code(dl_actor_ctx *ctx, const char *code, const char **country, const char **role);
/* The entry's code on the context's date, or NULL. */
const char *dl_actor_entry_code(const dl_actor_ctx *ctx, const dl_actor_entry *e);
/* Does the entry stand for a country (its code takes agents' roles)? */
bool dl_actor_country_like(const dl_actor_ctx *ctx, const dl_actor_entry *e);
/* Does b's code extend a's ("IGOUNO" -> "IGOUNOGAS")? */
bool dl_actor_extends(const dl_actor_ctx *ctx, const dl_actor_entry *a, const dl_actor_entry *b);
/* Do both entries code the same country, b by its country alone? */
bool dl_actor_same_country(const dl_actor_ctx *ctx, const dl_actor_entry *a, const dl_actor_entry *b);
/* country + the agents' roles ("ISR" + GOV -> "ISRGOV"), prefix roles first. */
const char *dl_actor_combine(dl_actor_ctx *ctx, const char *country, const dl_atom *const *agents, size_t n);
/* The first n bytes of code with the agents' roles (ELI instead when former). */
const char *dl_actor_with_roles(dl_actor_ctx *ctx, const char *code, size_t n, const dl_atom *const *agents,
                                size_t n_agents, bool former);

#endif
