/* petrarch_xml.h: a reader of PETRARCH validation files (the XML of
 * PETR.UnitTest.records.xml and its kin), so that `dateline validate` can
 * run another project's suite against our coder.
 *
 * The format is XML-like, written by hand and not always well formed, so
 * the reader is a tolerant scanner rather than an XML parser:
 *
 *   <Environment> names the dictionaries: <Verbfile>, <Actorfile>,
 *       <Agentfile>, <Discardfile> (file names relative to the XML file).
 *   <Sentence date="YYYYMMDD" id=".." category=".."> holds one or more
 *       <EventCoding sourcecode= targetcode= eventcode=>, or one
 *       <EventCoding noevents="True"> or <EventCoding error="..">, then
 *       <Text>..</Text> (may span lines) and a <Parse> tree (skipped: we
 *       code from the raw text).
 *   <Config option= value=> between records changes a PETRARCH setting
 *       for the records after it; the reader notes the settings in force.
 *   <Stop> ends the records early; <Pause> is ignored.
 *   <!-- comments --> may appear anywhere.
 *
 * A malformed record (a tag that is not closed, a missing attribute, a
 * file that ends inside a record) is reported through the diag callback
 * with the file and line, left out, and the rest of the file is read.
 * Every string lives in the arena given to the reader. */
#ifndef DL_EXTRACT_PETRARCH_XML_H
#define DL_EXTRACT_PETRARCH_XML_H

#include <stdbool.h>
#include <stdint.h>
#include "dateline.h"

/* One expected event. Codes are as written: "---" stands for a missing
 * actor, and a quoted phrase ("\"INJURY TOLL\"") for an actor PETRARCH
 * reports by its words because no dictionary knows it. */
typedef struct dl_petr_coding {
    const char *source;
    const char *target;
    const char *event;
} dl_petr_coding;

typedef struct dl_petr_record {
    const char *id;
    const char *category;     /* "-" when the record gives none (a warning) */
    const char *date;         /* "19950101", as written */
    int32_t date_num;         /* the same as a number */
    const char *text;         /* entities decoded, line breaks joined by a space, trimmed */
    dl_petr_coding *codings;  /* expected events; none when noevents or error */
    size_t n_codings;
    bool noevents;            /* <EventCoding noevents="True">, or no EventCoding at all */
    const char *error;        /* <EventCoding error="dateline">: the error PETRARCH
                               * expects to detect, or NULL */
    const char *config;       /* <Config> settings in force, "require_dyad=false
                               * comma_emax=0", or NULL when none */
    uint64_t line;            /* line of its <Sentence> tag (1-based) */
} dl_petr_record;

typedef struct dl_petr_file {
    /* The dictionaries named by <Environment>, as written (relative names
     * are relative to the XML file's folder). */
    const char **verb_files;
    size_t n_verb_files;
    const char **actor_files;
    size_t n_actor_files;
    const char **agent_files;
    size_t n_agent_files;
    const char **discard_files;
    size_t n_discard_files;
    bool has_environment;
    dl_petr_record *records;  /* the well-formed records, in file order */
    size_t n_records;
    size_t n_skipped;         /* malformed records, reported and left out */
    size_t n_errors;          /* every error reported (skipped records included) */
    bool stopped;             /* a <Stop> ended the records */
    uint64_t stop_line;
} dl_petr_file;

/* Reads the validation records in text[0..len). `name` is the file name
 * for messages. Returns DL_OK when the text was read, whatever problems it
 * had (they went to diag, which may be NULL); DL_ERR_NOMEM otherwise. */
dl_status dl_petr_parse(dl_petr_file *out, const char *text, size_t len, const char *name,
                        dl_diag_fn diag, void *diag_user, dl_arena *arena);

/* Reads the file at path: DL_ERR_IO (reported through diag too) when it
 * cannot be read, DL_ERR_LIMIT when it is over 1 GiB. */
dl_status dl_petr_read(dl_petr_file *out, const char *path, dl_diag_fn diag, void *diag_user,
                       dl_arena *arena);

/* Parses "YYYYMMDD" (exactly 8 digits, a real month and day) into *date;
 * false when s is not such a date. */
bool dl_petr_date(const char *s, int32_t *date);

#endif
