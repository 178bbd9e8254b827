/*
 * dateline.h: the public API of libdateline.
 *
 * dateline turns raw news into a structured record of who did or said what to
 * whom, when and where. The library is a chain of stages; each stage reads
 * only what the stage before it produced:
 *
 *   dl_reader   bytes -> dl_document      (text, JSONL; one per input unit)
 *   dl_clean    dl_document -> dl_article (title, dateline, byline, date, body)
 *   dl_parse    dl_article -> dl_sentence (tokens, lemmas, tags, chunks)
 *   dl_actors   sentences -> dl_mention   (coded, resolved actor mentions)
 *   dl_quotes   sentences + mentions -> dl_quote
 *   dl_code     sentences + mentions -> dl_event (CAMEO, PLOVER, explained)
 *   dl_pipeline all of the above for one article
 *
 * Conventions (see STYLE.md):
 *   - Functions return dl_status: 0 (DL_OK) or a negative code. Details of a
 *     failure (file, line, byte, message) are reported through the dl_diag
 *     sink given to each opener; the library never prints and never exits.
 *   - Out-parameters come first.
 *   - Memory: everything that belongs to one document lives in a dl_arena the
 *     caller owns and frees in one call. Long-lived objects have _open/_close
 *     or _new/_free pairs. Each function says who owns what it returns.
 *   - Strings are UTF-8, NUL-terminated, and may be NULL where a field is
 *     "absent" (documented per field). Offsets are byte offsets.
 */
#ifndef DATELINE_H
#define DATELINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything declared in this header is the library's API and is exported
 * from libdateline.so; the library is compiled with -fvisibility=hidden, so
 * nothing else is. */
#pragma GCC visibility push(default)

#define DL_VERSION "0.2.0"

/* The library's version ("0.2.0"): the one it was built as, which may
 * differ from the DL_VERSION of the header a program was compiled with. */
const char *dl_version(void);

/* ------------------------------------------------------------------ status */

typedef enum dl_status {
    DL_OK = 0,
    DL_ERR_NOMEM = -1,    /* out of memory */
    DL_ERR_IO = -2,       /* a file could not be opened, read or written */
    DL_ERR_PARSE = -3,    /* input is not in the expected format */
    DL_ERR_ENCODING = -4, /* input is not text (binary, unknown encoding) */
    DL_ERR_ARG = -5,      /* a caller passed an invalid argument */
    DL_ERR_EMPTY = -6,    /* input holds nothing to process */
    DL_ERR_DB = -7,       /* the store reported an error */
    DL_ERR_VERSION = -8,  /* a file or store written by an unknown version */
    DL_ERR_LIMIT = -9,    /* an input exceeds a documented limit */
} dl_status;

/* A static, human-readable name for a status ("out of memory"). */
const char *dl_status_name(dl_status status);

/* A problem found in the input. The library reports problems through a
 * callback so that a caller can print them, count them or ignore them, and
 * processing goes on with the rest of the input. `file` is the input's name
 * as given ("-" for stdin); `line` (1-based) and `byte` (0-based offset in
 * the file) are 0 when they do not apply. All pointers are valid only for
 * the duration of the callback. */
typedef enum dl_severity { DL_WARNING = 1, DL_ERROR = 2 } dl_severity;

typedef struct dl_diag {
    dl_severity severity;
    dl_status status;
    const char *file;
    uint64_t line;
    uint64_t byte;
    const char *message;
} dl_diag;

typedef void (*dl_diag_fn)(void *user, const dl_diag *diag);

/* ------------------------------------------------------------------- arena */

/* A bump allocator for everything that dies with one document. */
typedef struct dl_arena dl_arena;

/* Returns NULL when out of memory. `chunk` is the size of each block; 0 picks
 * a default. Free with dl_arena_free(). */
dl_arena *dl_arena_new(size_t chunk);
void dl_arena_free(dl_arena *arena);
/* Forgets every allocation but keeps the first block for reuse. */
void dl_arena_reset(dl_arena *arena);
/* Bytes handed out since creation or the last reset. */
size_t dl_arena_used(const dl_arena *arena);

/* A growable byte buffer: the records' JSON writers append to one. A zeroed
 * dl_buf is empty; data is NUL-terminated once anything was appended; the
 * buffer owns its memory until dl_buf_free(). */
typedef struct dl_buf {
    char *data;
    size_t len;
    size_t cap;
} dl_buf;
void dl_buf_free(dl_buf *buf);
/* Appends; DL_OK or DL_ERR_NOMEM (the buffer is unchanged then). */
dl_status dl_buf_append(dl_buf *buf, const void *data, size_t len);
dl_status dl_buf_puts(dl_buf *buf, const char *s);

/* --------------------------------------------------------------- documents */

typedef enum dl_format {
    DL_FORMAT_AUTO = 0, /* sniff from the name and first bytes */
    DL_FORMAT_TEXT,     /* plain text: one file is one document */
    DL_FORMAT_JSONL,    /* one JSON object per line: one line is one document */
    DL_FORMAT_HTML,     /* an HTML page: one file is one document (its main text) */
    DL_FORMAT_WARC,     /* a WARC archive, plain or gzipped: one document per
                           response (HTML or text), resource or conversion record */
} dl_format;

/* One unit of input: a text file, one JSONL record, an HTML page or one
 * WARC record. Owned by the reader and valid until the next
 * dl_reader_next() or dl_reader_close(). Fields other than source and
 * text are NULL when the input does not give them. */
typedef struct dl_document {
    const char *source; /* path as given, "-" for stdin, the record's url/source,
                           or a WARC record's target URI */
    const char *path;   /* the file the document came from ("-" for stdin) */
    const char *id;     /* JSONL "id" */
    const char *url;    /* JSONL "url"; HTML canonical URL; WARC target URI */
    const char *title;  /* JSONL "title"; HTML title (JSON-LD, Open Graph, <title>) */
    const char *date;   /* JSONL "date"; HTML publication date (ISO 8601), else
                           the WARC-Date of its record */
    const char *byline; /* HTML: author names (JSON-LD, <meta>, byline markup) */
    const char *site_name; /* HTML: the publication ("The Guardian") */
    const char *language;  /* HTML: <html lang> or JSON-LD inLanguage */
    const char *text;   /* valid UTF-8 (invalid bytes replaced by U+FFFD); for
                           HTML the main text, paragraphs separated by "\n\n" */
    size_t len;         /* bytes in text, not counting the NUL */
    uint64_t line;      /* line of the file where the document starts (1-based; 0 for WARC) */
    uint64_t offset;    /* WARC: byte offset of the record (of its gzip member) */
    dl_format format;
    const char *extra;  /* JSONL: the fields dateline does not read, as one JSON object; or NULL */
} dl_document;

typedef struct dl_reader dl_reader;

/* Options for dl_reader_open(). Initialise with DL_READER_OPTIONS_INIT. */
typedef struct dl_reader_options {
    int version;
    dl_format format;        /* DL_FORMAT_AUTO: by extension, then by content */
    size_t max_file_bytes;   /* larger files are refused; 0 = 1 GiB */
    dl_diag_fn diag;         /* may be NULL */
    size_t max_record_bytes; /* a longer JSONL line is reported and skipped
                                without being held in memory; 0 = 16 MiB */
    void *diag_user;
} dl_reader_options;
#define DL_READER_OPTIONS_INIT {.version = 1, .format = DL_FORMAT_AUTO}

/* Opens a reader over `paths` (files, directories read recursively in
 * sorted order, or "-" for standard input). The array is copied. */
dl_status dl_reader_open(dl_reader **out, const char *const *paths, size_t npaths,
                         const dl_reader_options *options);
/* Sets *doc to the next document; returns DL_OK, or DL_ERR_EMPTY at the
 * end of the input. Unreadable files and bad records are reported through
 * the diag callback and skipped. */
dl_status dl_reader_next(dl_reader *reader, const dl_document **doc);
/* Counts kept by the reader for a final summary. */
typedef struct dl_reader_stats {
    uint64_t files, documents, bytes, errors, warnings;
    uint64_t total_files, total_bytes; /* of the whole input, known at open (stdin: 0 bytes) */
} dl_reader_stats;
void dl_reader_stats_get(const dl_reader *reader, dl_reader_stats *stats);
void dl_reader_close(dl_reader *reader);

/* ---------------------------------------------------------------- articles */

/* A line the cleaner dropped and why: "duplicate", "caption", "credit",
 * "logo", "boilerplate", "teaser", "byline", "date". */
typedef struct dl_removed {
    const char *text;
    const char *reason;
} dl_removed;

/* A clean article. All strings live in the arena passed to dl_clean();
 * title, dateline, byline and date are NULL when not found. */
typedef struct dl_article {
    const char *id;       /* the input's own id, else a stable hash of source + body */
    const char *source;
    const char *title;
    const char *dateline; /* place text, e.g. "WASHINGTON DC" */
    const char *byline;   /* e.g. "Maria Lopez" */
    const char *date;     /* ISO 8601: "2023-10-28" or "2023-10-28T10:32" */
    const char *body;     /* paragraphs separated by "\n\n" */
    size_t body_len;
    dl_removed *removed;
    size_t n_removed;
    uint32_t index;       /* position of the article within its document */
    /* From HTML pages and WARC records (NULL otherwise; written to JSON
     * only when set): */
    const char *url;       /* canonical URL or WARC target URI */
    const char *site_name; /* "The Guardian" */
    const char *language;  /* "en", "fr-FR" */
    const char *extra;    /* the input's other fields, a JSON object text, or NULL */
} dl_article;

typedef struct dl_cleaner dl_cleaner;

/* Loads the cleaner's tables (boilerplate phrases, agency names) from
 * `data_dir` (the project's data/ folder). NULL picks the default search
 * (see dl_data_dir()). */
dl_status dl_cleaner_open(dl_cleaner **out, const char *data_dir, dl_diag_fn diag, void *user);
void dl_cleaner_close(dl_cleaner *cleaner);

/* Splits `doc` into articles and cleans each. The array and every string
 * are allocated in `arena`. A document with no text yields 0 articles. */
dl_status dl_clean(dl_article **articles, size_t *n_articles, const dl_cleaner *cleaner,
                   const dl_document *doc, dl_arena *arena);

/* --------------------------------------------------------------- sentences */

/* Penn Treebank part-of-speech tags, plus the extra tags the English Web
 * Treebank uses (HYPH, NFP, ADD, AFX, GW, XX). dl_tag_name() gives the
 * written form ("NNP", "-LRB-", "``"). */
typedef enum dl_tag {
    DL_TAG_NONE = 0,
    DL_TAG_CC, DL_TAG_CD, DL_TAG_DT, DL_TAG_EX, DL_TAG_FW, DL_TAG_IN, DL_TAG_JJ,
    DL_TAG_JJR, DL_TAG_JJS, DL_TAG_LS, DL_TAG_MD, DL_TAG_NN, DL_TAG_NNS, DL_TAG_NNP,
    DL_TAG_NNPS, DL_TAG_PDT, DL_TAG_POS, DL_TAG_PRP, DL_TAG_PRPS /* PRP$ */, DL_TAG_RB,
    DL_TAG_RBR, DL_TAG_RBS, DL_TAG_RP, DL_TAG_SYM, DL_TAG_TO, DL_TAG_UH, DL_TAG_VB,
    DL_TAG_VBD, DL_TAG_VBG, DL_TAG_VBN, DL_TAG_VBP, DL_TAG_VBZ, DL_TAG_WDT, DL_TAG_WP,
    DL_TAG_WPS /* WP$ */, DL_TAG_WRB,
    DL_TAG_COMMA /* , */, DL_TAG_PERIOD /* . */, DL_TAG_COLON /* : */,
    DL_TAG_LQUOTE /* `` */, DL_TAG_RQUOTE /* '' */, DL_TAG_LRB /* -LRB- */,
    DL_TAG_RRB /* -RRB- */, DL_TAG_HASH /* # */, DL_TAG_DOLLAR /* $ */,
    DL_TAG_HYPH, DL_TAG_NFP, DL_TAG_ADD, DL_TAG_AFX, DL_TAG_GW, DL_TAG_XX,
    DL_TAG_COUNT
} dl_tag;

const char *dl_tag_name(dl_tag tag);
/* The tag written as `name` (n bytes), or DL_TAG_NONE. */
dl_tag dl_tag_from_name(const char *name, size_t n);

/* Universal Dependencies parts of speech (the UPOS column). */
typedef enum dl_upos {
    DL_UPOS_NONE = 0,
    DL_UPOS_ADJ, DL_UPOS_ADP, DL_UPOS_ADV, DL_UPOS_AUX, DL_UPOS_CCONJ, DL_UPOS_DET,
    DL_UPOS_INTJ, DL_UPOS_NOUN, DL_UPOS_NUM, DL_UPOS_PART, DL_UPOS_PRON, DL_UPOS_PROPN,
    DL_UPOS_PUNCT, DL_UPOS_SCONJ, DL_UPOS_SYM, DL_UPOS_VERB, DL_UPOS_X,
    DL_UPOS_COUNT
} dl_upos;

/* "NOUN"; "" for DL_UPOS_NONE. */
const char *dl_upos_name(dl_upos upos);
/* The UPOS written as name (n bytes), or DL_UPOS_NONE. */
dl_upos dl_upos_from_name(const char *name, size_t n);

/* Universal Dependencies relations, without their subtypes: the
 * universal part of a token's deprel ("nsubj" for "nsubj:pass"). */
typedef enum dl_dep {
    DL_DEP_NONE = 0,
    DL_DEP_ACL, DL_DEP_ADVCL, DL_DEP_ADVMOD, DL_DEP_AMOD, DL_DEP_APPOS, DL_DEP_AUX,
    DL_DEP_CASE, DL_DEP_CC, DL_DEP_CCOMP, DL_DEP_CLF, DL_DEP_COMPOUND, DL_DEP_CONJ,
    DL_DEP_COP, DL_DEP_CSUBJ, DL_DEP_DEP, DL_DEP_DET, DL_DEP_DISCOURSE, DL_DEP_DISLOCATED,
    DL_DEP_EXPL, DL_DEP_FIXED, DL_DEP_FLAT, DL_DEP_GOESWITH, DL_DEP_IOBJ, DL_DEP_LIST,
    DL_DEP_MARK, DL_DEP_NMOD, DL_DEP_NSUBJ, DL_DEP_NUMMOD, DL_DEP_OBJ, DL_DEP_OBL,
    DL_DEP_ORPHAN, DL_DEP_PARATAXIS, DL_DEP_PUNCT, DL_DEP_REPARANDUM, DL_DEP_ROOT,
    DL_DEP_VOCATIVE, DL_DEP_XCOMP,
    DL_DEP_COUNT
} dl_dep;

/* "nsubj"; "" for DL_DEP_NONE. */
const char *dl_dep_name(dl_dep dep);
/* The relation of a deprel as written ("nsubj:pass" -> DL_DEP_NSUBJ; the
 * subtype after ':' is ignored), or DL_DEP_NONE. */
dl_dep dl_dep_from_name(const char *name, size_t n);

/* Token flags. */
enum {
    DL_TOK_CAPITAL = 1 << 0,   /* starts with an upper-case letter */
    DL_TOK_ALLCAPS = 1 << 1,   /* has letters, all upper case */
    DL_TOK_SENT_START = 1 << 2,/* first word of its sentence */
    DL_TOK_QUOTE = 1 << 3,     /* a quotation mark (straight or curly) */
    DL_TOK_OPEN_QUOTE = 1 << 4,/* ... that opens a quotation */
    DL_TOK_NUMBER = 1 << 5,
    DL_TOK_URL = 1 << 6,       /* URL, e-mail or @handle / #hashtag */
    DL_TOK_SPACE_BEFORE = 1 << 7, /* preceded by white space */
};

/* One token. start/end are byte offsets into the text given to dl_parse()
 * (the article body). text and lemma live in the arena or in the parser's
 * tables; both outlive the arena's owner only as long as the parser. */
typedef struct dl_token {
    uint32_t start, end;
    const char *text;   /* the token as written */
    const char *lemma;  /* lower-case dictionary form ("strike" for "struck") */
    uint8_t tag;        /* dl_tag */
    uint8_t flags;      /* DL_TOK_* */
    uint8_t upos;       /* dl_upos */
    uint8_t dep;        /* dl_dep: the universal part of deprel */
    /* The dependency tree (Universal Dependencies, basic trees): the index
     * of this token's head in its sentence, -1 for the sentence's root.
     * Valid only when deprel is not NULL (dl_parse() sets both). */
    int32_t head;
    const char *deprel; /* full UD label, "nsubj:pass"; owned by the parser */
} dl_token;

typedef enum dl_chunk_kind { DL_CHUNK_NP = 1, DL_CHUNK_VG = 2 } dl_chunk_kind;

/* Verb-group flags. */
enum {
    DL_VG_PASSIVE = 1 << 0,    /* "were breached", "has been postponed" */
    DL_VG_NEGATED = 1 << 1,    /* "did not respond", "never" */
    DL_VG_MODAL = 1 << 2,      /* "might have held", "could" */
    DL_VG_FUTURE = 1 << 3,     /* "will", "is going to", "is expected to" */
    DL_VG_PERFECT = 1 << 4,    /* "has held" */
    DL_VG_PROGRESSIVE = 1 << 5,/* "is expanding" */
};

/* A base noun phrase or a verb group: tokens [first, end) of its sentence,
 * with the index of its head token (the last noun of an NP, the main verb
 * of a verb group). */
typedef struct dl_chunk {
    uint32_t first, end, head;
    uint8_t kind;   /* dl_chunk_kind */
    uint8_t flags;  /* DL_VG_* for verb groups */
} dl_chunk;

typedef struct dl_sentence {
    uint32_t index;        /* position in the article, from 0 */
    uint32_t start, end;   /* byte offsets of the sentence in the text */
    dl_token *tokens;
    uint32_t n_tokens;
    dl_chunk *chunks;
    uint32_t n_chunks;
} dl_sentence;

/* Walking the dependency tree of a parsed sentence. Children are found by
 * scanning the sentence (sentences are short; nothing is allocated).
 *
 * dl_sentence_root(): the index of the root token, or -1 when the sentence
 * has no tree (not parsed, or no tokens).
 * dl_token_child(): the first child of token `head` after index `after`
 * (-1 to start), or -1 when there is none. Iterate with
 *     for (int32_t c = dl_token_child(s, h, -1); c >= 0; c = dl_token_child(s, h, c))
 * dl_token_child_by(): the first child of `head` whose relation is dep, or -1. */
int32_t dl_sentence_root(const dl_sentence *sentence);
int32_t dl_token_child(const dl_sentence *sentence, uint32_t head, int32_t after);
int32_t dl_token_child_by(const dl_sentence *sentence, uint32_t head, dl_dep dep);

/* The language core: tokenizer, sentence splitter, lemmatizer (WordNet),
 * tagger and dependency parser (models trained on UD English EWT, in
 * data/models/), loaded once and shared read-only. */
typedef struct dl_parser dl_parser;

/* data_dir: the project's data folder (NULL: dl_data_dir()). WordNet comes
 * from Debian's wordnet-base package; the tagger and parser models from
 * data/models/. */
dl_status dl_parser_open(dl_parser **out, const char *data_dir);
void dl_parser_close(dl_parser *parser);
/* Why the last dl_parser_open() in this thread failed, when a model file
 * was at fault ("data/models/parser.dlm: truncated: ..."); "" otherwise.
 * A static, thread-local string. */
const char *dl_parser_open_message(void);

/* Splits text into sentences and tokens, and fills lemmas, tags (Penn and
 * UPOS), the dependency tree (head, dep, deprel) and chunks. Everything
 * returned lives in `arena`. */
dl_status dl_parse(dl_sentence **sentences, size_t *n_sentences, const dl_parser *parser,
                   const char *text, size_t len, dl_arena *arena);

/* Appends one sentence record (DESIGN.md / `dateline parse`) as JSON. */
dl_status dl_sentence_to_json(dl_buf *out, const dl_sentence *sentence, const char *article_id);
/* Appends one sentence in CoNLL-U (comments sent_id and text, ten columns
 * per token, a closing blank line). sent_id may be NULL. */
dl_status dl_sentence_to_conllu(dl_buf *out, const dl_sentence *sentence, const char *sent_id);

/* ------------------------------------------------------------------ actors */

/* How a mention was recognised. */
typedef enum dl_mention_via {
    DL_VIA_DICTIONARY = 1, /* an actor dictionary phrase ("Yoav Gallant", "Hamas") */
    DL_VIA_AGENT,          /* a role word, coded with a country ("Israeli officials") */
    DL_VIA_COREF,          /* resolved to an earlier mention ("Gallant", "the minister", "he") */
    DL_VIA_UNKNOWN,        /* a capitalised name no dictionary knows */
} dl_mention_via;

/* One actor mention in an article. Strings live in the arena or in the
 * actor dictionaries (which outlive it); NULL where not known. */
typedef struct dl_mention {
    uint32_t start, end;         /* byte offsets in the article body */
    uint32_t sentence;           /* index of its sentence */
    uint32_t first, last;        /* token range [first, last) in that sentence */
    uint32_t head;               /* head token (index in the sentence) */
    const char *text;            /* as written */
    const char *code;            /* CAMEO-style, "ISRGOV"; NULL for unknown entities */
    const char *country;         /* ISO 3166 alpha-3, or NULL */
    const char *role;            /* "GOV", "MIL", ... or NULL */
    const char *name;            /* canonical, "Yoav Gallant"; NULL for bare roles */
    const char *kind;            /* person, organisation, country, place, group, media, unknown */
    const char *office;          /* "defence minister", or NULL */
    int32_t antecedent;          /* index of the mention this resolves to, or -1 */
    int32_t entity;              /* same value for mentions of one entity in the article */
    uint8_t via;                 /* dl_mention_via */
    bool plural;                 /* "officials", "forces" */
    /* The code was inferred rather than read from a dictionary entry: a
     * title on an unknown name ("Sen. Maria Lopez" -> USALEG), role words
     * with the country of their context ("police" in an Iraqi story ->
     * IRQCOP). evidence says from what, in words; NULL otherwise. */
    bool inferred;
    const char *evidence;
} dl_mention;

typedef struct dl_actors dl_actors;

/* Options for dl_actors_open(). Initialise with DL_ACTORS_OPTIONS_INIT.
 * With no files given, the defaults from data_dir are loaded
 * (data/actors/ *.txt, data/agents.txt); files given replace them. */
typedef struct dl_actors_options {
    int version;
    const char *data_dir;          /* NULL: dl_data_dir() */
    const char *const *actor_files;
    size_t n_actor_files;
    const char *const *agent_files;
    size_t n_agent_files;
    dl_diag_fn diag;               /* dictionary problems; may be NULL */
    void *diag_user;
    /* A country named on its own as the subject of a verb ("the US said")
     * stands for its government (USAGOV), as news means it. false keeps
     * the bare country code (USA), as TABARI and PETRARCH code it. */
    bool country_as_government;
    /* Role words and unknown names with no country of their own take the
     * country of their context: the place of their sentence ("police in
     * Baghdad"), else the article's dominant country; an unknown name
     * repeated takes the code its first mention inferred. false codes only
     * what the words themselves say, as TABARI and PETRARCH do. */
    bool infer_context;
} dl_actors_options;
#define DL_ACTORS_OPTIONS_INIT {.version = 1, .country_as_government = true, .infer_context = true}

dl_status dl_actors_open(dl_actors **out, const dl_actors_options *options);
void dl_actors_close(dl_actors *actors);

/* Finds, codes and resolves the actor mentions of one parsed article.
 * date is YYYYMMDD (0 when unknown: dated codes then use their latest
 * period). The array lives in arena, in text order. */
dl_status dl_actors_find(dl_mention **mentions, size_t *n_mentions, const dl_actors *actors,
                         const dl_article *article, const dl_sentence *sentences,
                         size_t n_sentences, int32_t date, dl_arena *arena);

/* Appends one mention record (DESIGN.md fields, plus "article"). */
dl_status dl_mention_to_json(dl_buf *out, const dl_mention *mention, const char *article_id);

/* ------------------------------------------------------------------ quotes */

typedef struct dl_quote {
    const char *speaker;        /* as written ("the IDF spokesperson"), or NULL */
    const char *speaker_name;   /* resolved canonical name, or NULL */
    const char *speaker_code;   /* resolved code, or NULL */
    int32_t speaker_mention;    /* index into the article's mentions, or -1 */
    const char *cue;            /* "said", "according to", "told reporters" */
    const char *text;           /* the quoted or reported words */
    bool direct;                /* in quotation marks */
    uint32_t start, end;        /* byte offsets of text in the body */
    uint32_t sentence;          /* sentence where the quote starts */
} dl_quote;

typedef struct dl_quoter dl_quoter;

/* Loads data_dir/quotes/cues.txt (data_dir NULL: dl_data_dir()); problems
 * in it go to diag (may be NULL) with file and line. */
dl_status dl_quoter_open(dl_quoter **out, const char *data_dir, dl_diag_fn diag, void *user);
void dl_quoter_close(dl_quoter *quoter);
dl_status dl_quotes_find(dl_quote **quotes, size_t *n_quotes, const dl_quoter *quoter,
                         const dl_article *article, const dl_sentence *sentences,
                         size_t n_sentences, const dl_mention *mentions, size_t n_mentions,
                         dl_arena *arena);
/* Appends one quote record (DESIGN.md fields). */
dl_status dl_quote_to_json(dl_buf *out, const dl_quote *quote, const char *article_id);

/* ------------------------------------------------------------------ events */

typedef struct dl_event_actor {
    const char *text;   /* as written */
    const char *code;   /* "ISRMIL" */
    const char *name;   /* canonical, or NULL */
    const char *country;/* ISO alpha-3, or NULL */
    int32_t mention;    /* index into the article's mentions, or -1 */
} dl_event_actor;

/* One coded event. Strings live in the arena given to dl_code_events(), or
 * in the coder (CAMEO names and codes, PLOVER types, pattern text and file:
 * valid while the coder is open); NULL where absent. */
typedef struct dl_event {
    uint32_t sentence;
    const char *sentence_text;
    const char *date;            /* ISO 8601 at date_precision ("2004-11-14", "1967"), or NULL */
    dl_event_actor source;
    dl_event_actor target;       /* target.code is NULL when there is none */
    const char *cameo;           /* "195" */
    const char *cameo_root;      /* "19" */
    int quad_class;              /* 1-4 */
    double goldstein;
    const char *plover;          /* "ASSAULT", or NULL when PLOVER drops the code */
    const char *plover_mode;     /* "aerial", "cyber", or NULL */
    const char *location_text;   /* "Gaza", or NULL */
    const char *location_country;/* ISO alpha-3, or NULL */
    bool negated;                /* factuality is "negated" (kept for compatibility) */
    /* Whether the text reports the event as having happened (ANNOTATION.md):
     * "asserted", "negated", "hypothetical", "future", "embedded" or
     * "disputed". Static string, never NULL. */
    const char *factuality;
    /* explain: why it was coded */
    const char *verb;            /* the verb as written ("conducted") */
    const char *pattern;         /* the pattern line as written in its dictionary */
    const char *pattern_file;    /* where that line is */
    uint32_t pattern_line;
    const char **entries;        /* dictionary entries that fired ("ISRAEL [ISR] data/actors/countries.txt:812") */
    uint32_t n_entries;
    const char **rules;          /* ids of the coder's rules that decided it ("fact.want", "who.passive") */
    uint32_t n_rules;
    /* when: date above is the event's own ("on Sunday", "in 1967") or,
     * failing that, the article's */
    const char *date_precision;  /* "day", "week", "month", "year", or NULL with no date */
    const char *date_basis;      /* "sentence", "article", or NULL with no date */
    const char *date_text;       /* the words that gave the date ("on Sunday"), or NULL */
    /* where: location_text and location_country above, and */
    const char *location_name;   /* canonical place name ("Khan Younis"), or NULL */
    const char *location_admin1; /* ISO 3166-2 code of its first-level division, or NULL */
    const char *location_precision; /* "city", "region", "country" */
    double location_lat, location_lon;
    bool location_has_coords;
} dl_event;

typedef struct dl_coder dl_coder;

/* Options for dl_coder_open(). Initialise with DL_CODER_OPTIONS_INIT. With
 * no files given, data/verbs.txt, data/discards.txt and data/cameo.tsv are
 * loaded from data_dir. */
typedef struct dl_coder_options {
    int version;
    const char *data_dir;
    const char *const *verb_files;
    size_t n_verb_files;
    const char *const *discard_files;
    size_t n_discard_files;
    dl_diag_fn diag;
    void *diag_user;
    /* PETRARCH's and TABARI's conventions instead of ANNOTATION.md's, for
     * `dateline validate`: "will attack" is the attack, a modal or planned
     * attack ("may strike", "plans to strike") is a threat and other
     * modal or planned acts are dropped, and what follows "denied" is not
     * coded; every event is then asserted or negated. */
    bool petrarch;
} dl_coder_options;
#define DL_CODER_OPTIONS_INIT {.version = 1}

dl_status dl_coder_open(dl_coder **out, const dl_coder_options *options);
void dl_coder_close(dl_coder *coder);
/* Codes the events of one article. quotes may be NULL: with them, "we" and
 * "I" inside a direct quote stand for its speaker. */
dl_status dl_code_events(dl_event **events, size_t *n_events, const dl_coder *coder,
                         const dl_article *article, const dl_sentence *sentences,
                         size_t n_sentences, const dl_mention *mentions, size_t n_mentions,
                         const dl_quote *quotes, size_t n_quotes, dl_arena *arena);
/* Appends one event record (DESIGN.md fields). */
dl_status dl_event_to_json(dl_buf *out, const dl_event *event, const char *article_id);

/* A column of a record table: its name and its SQL type. */
typedef struct dl_column {
    const char *name;
    const char *sql_type; /* "TEXT", "INTEGER" or "REAL" */
} dl_column;

/* The event table's columns, in order: the one list from which the store's
 * schema, inserts and queries and the CSV/TSV rows of `code` and `events`
 * are made. Sets *columns to a static array and returns its length. */
size_t dl_event_columns(const dl_column **columns);

/* Room for the numbers dl_event_values() writes. */
typedef struct dl_event_cells {
    char cell[32][32];
} dl_event_cells;

/* One event's values, in dl_event_columns() order (NULL for absent); they
 * point into the event, `article` and `cells`, and live as long as those. */
void dl_event_values(const dl_event *event, const char *article, dl_event_cells *cells,
                     const char **values);

/* ---------------------------------------------------------------- pipeline */

/* Everything dateline found in one article; all of it lives in the arena
 * given to dl_pipeline_run(). */
typedef struct dl_analysis {
    const dl_article *article;
    dl_sentence *sentences;
    size_t n_sentences;
    dl_mention *mentions;
    size_t n_mentions;
    dl_quote *quotes;
    size_t n_quotes;
    dl_event *events;
    size_t n_events;
} dl_analysis;

/* The stages a pipeline runs. */
enum {
    DL_STAGE_PARSE = 1 << 0,
    DL_STAGE_ACTORS = 1 << 1,
    DL_STAGE_QUOTES = 1 << 2,
    DL_STAGE_EVENTS = 1 << 3,
    DL_STAGE_ALL = 0xF,
};

typedef struct dl_pipeline dl_pipeline;

/* Opens the stages in `stages` and those they need (events need actors,
 * actors need parse). Options may be NULL for defaults. */
typedef struct dl_pipeline_options {
    int version;
    unsigned stages;
    const char *data_dir;
    const dl_actors_options *actors;
    const dl_coder_options *coder;
    dl_diag_fn diag;
    void *diag_user;
} dl_pipeline_options;
#define DL_PIPELINE_OPTIONS_INIT {.version = 1, .stages = DL_STAGE_ALL}

dl_status dl_pipeline_open(dl_pipeline **out, const dl_pipeline_options *options);
void dl_pipeline_close(dl_pipeline *pipeline);
/* Runs the opened stages on one article, dated by the article's own date
 * (set by the reader, the cleaner or dl_input_options.date). */
dl_status dl_pipeline_run(dl_analysis *out, const dl_pipeline *pipeline, const dl_article *article,
                          dl_arena *arena);

/* ------------------------------------------------------------------- input */

/* Inputs read, cleaned and dated the one way every command, benchmark and
 * scorer shares: files, directories or "-" are read as documents, each
 * document is split into clean articles, and an article without a date
 * gets the default date. Problems go to the pipeline's diagnostics sink. */
typedef struct dl_input dl_input;

typedef struct dl_input_options {
    int version;
    dl_format format;        /* DL_FORMAT_AUTO: by extension, then by content */
    const char *date;        /* ISO date for articles that have none; may be NULL */
    size_t max_file_bytes;   /* larger files are refused; 0 = 1 GiB */
    size_t max_record_bytes; /* longer JSONL lines are refused; 0 = 16 MiB */
} dl_input_options;
#define DL_INPUT_OPTIONS_INIT {.version = 1, .format = DL_FORMAT_AUTO}

/* Opens the inputs (the array is copied). The pipeline must outlive the
 * input; it gives the cleaner's tables and the diagnostics sink. */
dl_status dl_input_open(dl_input **out, const dl_pipeline *pipeline, const char *const *paths,
                        size_t n_paths, const dl_input_options *options);
/* Sets *articles to the clean articles of the next document (possibly 0 of
 * them), allocated in `arena`, which the caller may reset between calls.
 * Returns DL_OK, DL_ERR_EMPTY at the end of the input, or another status
 * when the input cannot go on (out of memory). A document that cannot be
 * cleaned is reported and skipped. */
dl_status dl_input_next(dl_input *input, dl_article **articles, size_t *n_articles,
                        dl_arena *arena);
/* The document the last dl_input_next() call cleaned (NULL before the first),
 * valid until the next call. */
const dl_document *dl_input_document(const dl_input *input);
void dl_input_stats(const dl_input *input, dl_reader_stats *stats);
void dl_input_close(dl_input *input);

/* ------------------------------------------------------------------- store */

/* Where analyses are kept: an SQLite database (WAL, one file). The schema
 * is versioned; a store written by a newer dateline is refused with
 * DL_ERR_VERSION, an older one is upgraded in place. */
typedef struct dl_store dl_store;

/* Opens (creating or upgrading) the store at path. A store that cannot be
 * opened or is refused is reported through diag (may be NULL), naming the
 * file and saying why. */
dl_status dl_store_open(dl_store **out, const char *path, dl_diag_fn diag, void *user);
/* Opens an existing store for reading only (the server): nothing is
 * created or upgraded, and every write fails. A store that is missing,
 * not a dateline store, or of another schema version is refused. One
 * handle serves one thread at a time; open one per thread. */
dl_status dl_store_open_readonly(dl_store **out, const char *path, dl_diag_fn diag, void *user);
void dl_store_close(dl_store *store);
/* The detail of the last failed call on this store (what was being done
 * and SQLite's message), kept on the handle; owned by the store. */
const char *dl_store_message(const dl_store *store);

/* Is this article (by its content key) stored already? */
dl_status dl_store_has(dl_store *store, const dl_article *article, bool *found);
/* Batches: every dl_store_add() between begin and commit lands together or
 * not at all, so a killed ingest leaves whole articles only. */
dl_status dl_store_begin(dl_store *store);
dl_status dl_store_commit(dl_store *store);
dl_status dl_store_rollback(dl_store *store);
/* Is a transaction open? After a failed write that SQLite answered by
 * rolling the whole transaction back (disk full, I/O error: those return
 * DL_ERR_IO), it is not: the batch is gone, not only the article. */
bool dl_store_in_transaction(const dl_store *store);
/* Adds one analysed article; *added is false when it was stored already.
 * With stories on (the default), the same savepoint also links it to the
 * first copy of its text (exact, near or containment duplicates), puts it
 * in a story (a new one, or one of the last DL_STORY_WINDOW_DAYS=3 days
 * whose content, actors and events it shares) and counts its asserted
 * events into event groups (same story, source, target, CAMEO root and
 * place, a day apart at most). */
dl_status dl_store_add(dl_store *store, const dl_analysis *analysis, bool *added);
/* Turns the corpus step of dl_store_add() on or off (for measuring its
 * cost; a store filled with it off has no stories for those articles). */
void dl_store_set_stories(dl_store *store, bool on);

/* Sharded runs: the shard (0..n-1) an article belongs to among n, from
 * the same content hash that keys it in the store, so every run and every
 * machine puts an article in the same shard. n must be at least 1. */
unsigned dl_store_shard(const dl_article *article, unsigned n);

/* Merges the store at in_path (another SQLite store of this schema, e.g.
 * one shard of a sharded run) into store: every article whose content key
 * store lacks, with its rows in every table that references articles
 * (mentions, quotes, events and whatever tables the schema adds), and the
 * full-text index for them. Articles already there are left alone, so
 * merging the same file again adds nothing. One transaction: all or
 * nothing. Counts what was added into *stats (may be NULL); tables of
 * in_path that cannot be merged are reported through diag as warnings. */
typedef struct dl_merge_stats {
    int64_t articles, skipped, rows;
} dl_merge_stats;
dl_status dl_store_merge(dl_store *store, const char *in_path, dl_merge_stats *stats, dl_diag_fn diag,
                         void *user);

typedef struct dl_store_counts {
    int64_t articles, mentions, quotes, events;
} dl_store_counts;
dl_status dl_store_count(dl_store *store, dl_store_counts *counts);

/* Filters for queries; NULL fields do not filter. */
typedef struct dl_query {
    const char *actor;     /* source or target: code prefix ("ISR") or name part ("Gallant") */
    const char *source;
    const char *target;
    const char *cameo;     /* code prefix: "19" */
    const char *plover;    /* "ASSAULT" */
    const char *country;   /* ISO alpha-3 of the source, target or location */
    const char *speaker;   /* quotes: name part or code prefix */
    const char *since;     /* ISO date, inclusive */
    const char *until;     /* ISO date, inclusive */
    const char *text;      /* search: the user's query, any text */
    int64_t limit;         /* 0: no limit */
    /* events: "asserted", "negated", "hypothetical", "future", "embedded",
     * "disputed" or "all". NULL lists every event, but counts only
     * asserted ones in DL_TABLE_TOP_EVENTS (ANNOTATION.md: the rest did
     * not happen, or not yet). */
    const char *factuality;
    const char *cursor;    /* events: start after the event with this id (its
                              "id" in the API), in the events' order */
    bool dedup;            /* events: one row per event group (the first
                              mention), with story, num_mentions,
                              num_articles and num_sources columns, which
                              the JSON record carries too */
    int64_t story;         /* events and articles: only this story's (0: any) */
} dl_query;

/* Sets the filter called `name` to `value`: one parser for the options of
 * `dateline events` (--actor X sets "actor") and the parameters of the HTTP
 * API, so both accept exactly the same filters. Names: actor, source,
 * target, cameo, plover, country, speaker, since, until, limit, cursor,
 * factuality (asserted, negated, hypothetical, future, embedded, disputed
 * or all).
 * The value is checked and kept by pointer (it must outlive q): dates are
 * YYYY-MM-DD, limit a whole number, cursor an event id, country three
 * letters, cameo one to four digits, plover letters and '_', names at most
 * 200 bytes of printable UTF-8. Returns DL_OK; DL_ERR_ARG for a bad value,
 * DL_ERR_PARSE for a name that is no filter; *why (may be NULL) then gets a
 * static phrase that completes "--NAME ..." ("takes a date YYYY-MM-DD"). */
dl_status dl_query_set(dl_query *q, const char *name, const char *value, const char **why);

/* One result row: parallel arrays of column names and values (NULL for SQL
 * NULL), valid during the callback. Every table has a "json" column holding
 * the record as `dateline <command>` prints it. */
typedef dl_status (*dl_row_fn)(void *user, size_t n, const char *const *names,
                               const char *const *values);

typedef enum dl_table {
    DL_TABLE_ARTICLES = 1,
    DL_TABLE_ACTORS,
    DL_TABLE_QUOTES,
    DL_TABLE_EVENTS,
    DL_TABLE_SEARCH,   /* articles ranked by a full-text query */
    DL_TABLE_TOP_ACTORS, /* the most mentioned coded actors: actor, code, mentions */
    DL_TABLE_TOP_EVENTS, /* the most frequent event codes: cameo, plover, events */
} dl_table;

dl_status dl_store_query(dl_store *store, dl_table table, const dl_query *query, dl_row_fn fn,
                         void *user);

/* Aggregates of the events a dl_query selects (its limit and cursor do not
 * apply), for time series, networks and maps. Every row has an "events"
 * count, and "cooperation" / "conflict" counts (quad classes 1-2 / 3-4):
 *   DL_BY_DAY, _WEEK, _MONTH  period (YYYY-MM-DD: the day, the week's
 *                             Monday, the month's first day), key (by group);
 *                             undated events are left out; ordered by period
 *   DL_BY_DYAD     source, source_name, target, target_name, goldstein
 *                  (mean): events with a coded source and target
 *   DL_BY_COUNTRY  country: where it happened, that is the location's
 *                  country, else the target's, else the source's
 *   DL_BY_ACTOR    actor (code), name: events where it is source or target
 * group (time series only) names the key: quad class, PLOVER type, CAMEO
 * root, or none (key is null). Later groupings (stories) add an enum value
 * and one SQL expression in aggregate.c. */
typedef enum dl_aggregate_by {
    DL_BY_DAY = 1,
    DL_BY_WEEK,
    DL_BY_MONTH,
    DL_BY_DYAD,
    DL_BY_COUNTRY,
    DL_BY_ACTOR,
} dl_aggregate_by;

typedef enum dl_aggregate_group {
    DL_GROUP_NONE = 0,
    DL_GROUP_QUAD,
    DL_GROUP_PLOVER,
    DL_GROUP_ROOT,
} dl_aggregate_group;

/* "day" -> DL_BY_DAY, "quad" -> DL_GROUP_QUAD; -1 for unknown names. */
int dl_aggregate_by_from_name(const char *name);
int dl_aggregate_group_from_name(const char *name);

dl_status dl_store_aggregate(dl_store *store, dl_aggregate_by by, dl_aggregate_group group,
                             const dl_query *query, dl_row_fn fn, void *user);

/* Coded actors with their counts: actor (name as stored, else as written),
 * code, country, kind, mentions, articles; most mentioned first. Filters:
 * actor, country, since, until, limit. Media are left out. */
dl_status dl_store_actor_counts(dl_store *store, const dl_query *query, dl_row_fn fn, void *user);

/* One stored record by id, as a row of the DL_TABLE_EVENTS (event_id is
 * the id) or DL_TABLE_ARTICLES query; fn is not called when there is no
 * such record. */
dl_status dl_store_event_by_id(dl_store *store, int64_t id, dl_row_fn fn, void *user);
dl_status dl_store_article_by_id(dl_store *store, const char *id, dl_row_fn fn, void *user);
/* The quotes that start in one sentence of an article (DL_TABLE_QUOTES rows). */
dl_status dl_store_sentence_quotes(dl_store *store, const char *article_id, int64_t sentence,
                                   dl_row_fn fn, void *user);

/* Stories, newest last: id, title, first_date, last_date, articles,
 * duplicates (articles that copy another), sources (distinct outlets),
 * events (event groups), json (the record `dateline stories` prints).
 * Filters: since, until (the story's last and first dates), story, limit. */
dl_status dl_store_stories(dl_store *store, const dl_query *query, dl_row_fn fn, void *user);
/* The articles of one story, in the order stored: id, title, date, source,
 * outlet, duplicate_of (the id of the first copy, or null), duplicate
 * ("exact", "near", "contained", "contains", or null), json. */
dl_status dl_store_story_articles(dl_store *store, int64_t story, dl_row_fn fn, void *user);

/* ------------------------------------------------------------------ export */

typedef enum dl_export_format {
    DL_EXPORT_JSONL = 1,
    DL_EXPORT_CSV,
    DL_EXPORT_TSV,
    DL_EXPORT_GDELT,   /* events in the GDELT 2.0 event table's 61 columns */
} dl_export_format;

/* A writer turns result rows into one output format. Give dl_export_row as
 * the dl_row_fn of dl_store_query() with the writer as its user pointer. */
typedef struct dl_export {
    dl_export_format format;
    dl_table table;
    bool header_done;
    dl_buf line;
    int (*write)(void *out, const char *data, size_t len); /* returns 0 on success */
    void *out;
    uint64_t rows;
    /* GDELT rows are asserted events only unless this is set (the caller
     * asked for a factuality itself). dl_export_init() clears it. */
    bool any_factuality;
} dl_export;

void dl_export_init(dl_export *x, dl_export_format format, dl_table table,
                    int (*write)(void *out, const char *data, size_t len), void *out);
dl_status dl_export_row(void *export_, size_t n, const char *const *names, const char *const *values);
void dl_export_free(dl_export *x);

/* ------------------------------------------------------------------- serve */

/* The HTTP API and dashboard over a store (`dateline serve`). The store is
 * opened read-only, one connection per worker thread. Every request gets
 * one access-log line, given to `log` (no newline; may be NULL). */
typedef void (*dl_log_fn)(void *user, const char *line);

typedef struct dl_serve_options {
    int version;
    const char *db;           /* the store */
    const char *listen;       /* "127.0.0.1:8080" (NULL: that), "[::1]:8080", "0.0.0.0:8080";
                                 port 0 picks a free port (see dl_server_url) */
    const char *web_dir;      /* the dashboard's folder; NULL: "web" beside dl_data_dir();
                                 "" serves the API only */
    unsigned threads;         /* worker threads; 0: 4 */
    unsigned max_connections; /* open connections at once, beyond which new ones are
                                 closed at once; 0: 1000 */
    unsigned timeout;         /* seconds a silent connection is kept; 0: 10 */
    dl_log_fn log;
    void *log_user;
} dl_serve_options;
#define DL_SERVE_OPTIONS_INIT {1, NULL, NULL, NULL, 0, 0, 0, NULL, NULL}

typedef struct dl_server dl_server;

/* Starts serving in background threads and returns. On failure, message
 * (message_size bytes) says why: the store cannot be read, the address is
 * taken, and so on. */
dl_status dl_server_start(dl_server **out, const dl_serve_options *options, char *message,
                          size_t message_size);
/* "http://127.0.0.1:8080/": where the server listens (the real port). */
const char *dl_server_url(const dl_server *server);
/* The dashboard folder in use, or NULL when there is none. */
const char *dl_server_web_dir(const dl_server *server);
/* Stops accepting, lets running requests finish, and frees everything. */
void dl_server_stop(dl_server *server);

/* ------------------------------------------------------------------- data */

/* The folder holding dateline's dictionaries: $DATELINE_DATA if set, else
 * the data/ folder found beside the executable or its parent, else the
 * installed share folder. Returns a static string. */
const char *dl_data_dir(void);

/* What dl_data_check() found. */
typedef struct dl_data_check_counts {
    uint64_t errors, warnings;
} dl_data_check_counts;

/* Loads every data file in data_dir (NULL: dl_data_dir()) as the pipeline
 * does and checks what no single reader can: CAMEO codes used by verbs and
 * frames but missing from cameo.tsv, dated codes that run backwards, entries
 * defined twice. Each problem goes to diag with its file and line. Returns
 * DL_OK when the check ran (look at the counts), DL_ERR_NOMEM otherwise. */
dl_status dl_data_check(const char *data_dir, dl_diag_fn diag, void *user, dl_data_check_counts *counts);

/* ------------------------------------------------------------------- dates */

/* Is s a whole ISO 8601 date at day, month or year precision ("2004-11-12",
 * "2004-11", "2004"; a time may follow a day: "2004-11-12T10:30Z")? The
 * day must exist. For checking dates given by users (--since, --date). */
bool dl_iso_date_valid(const char *s);

/* ------------------------------------------------------------------ output */

/* Appends the article as one JSON object (no newline) to `out`. */
dl_status dl_article_to_json(dl_buf *out, const dl_article *article);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif

#endif /* DATELINE_H */
