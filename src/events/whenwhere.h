/* whenwhere.h: an event's date and place, from its own sentence.
 *
 * The event coder builds an event and then makes one call,
 * dl_event_when_where(), which fills the event's date (date,
 * date_precision, date_basis, date_text) and location (location_text,
 * _name, _country, _admin1, _lat, _lon, _precision) from:
 *   - the temporal expression of the event's clause nearest its verb,
 *     read in the verb's tense (events/when.h); else the article's date;
 *   - the place the clause names ("in/at/near/outside X", "X residents"),
 *     resolved in the gazetteer by the countries the article is about
 *     (events/gazetteer.h); else the dateline's place when the event is
 *     local to it (a deed's target, or a statement's source, belongs to the
 *     dateline's country).
 *
 * Nationality adjectives ("American") are not places: the gazetteer has
 * none. A country or place named in passing ("wars in Afghanistan", "the
 * ambassador to China") is not where the event happened: a place after a
 * preposition counts when the preposition hangs on the verb or on a noun
 * of place or occasion ("the town in Gaza", "a summit in Cusco"). */
#ifndef DL_EVENTS_WHENWHERE_H
#define DL_EVENTS_WHENWHERE_H

#include "dateline.h"
#include "events/gazetteer.h"

typedef struct dl_whenwhere dl_whenwhere;

/* Loads the gazetteer from data_dir (NULL: dl_data_dir()). Without one
 * (a data folder that has no gazetteer/), events still get dates and
 * their places' text but no coordinates; that is reported through diag
 * as a warning, and *out is still set. */
dl_status dl_whenwhere_open(dl_whenwhere **out, const char *data_dir, dl_diag_fn diag, void *diag_user);
void dl_whenwhere_close(dl_whenwhere *ww);
/* The gazetteer, or NULL when none could be loaded. */
const dl_gazetteer *dl_whenwhere_gazetteer(const dl_whenwhere *ww);

/* Fills event e's date and location fields. s is the event's sentence
 * (tokens over article->body), verb the index of the token that reports
 * the event (its verb, or the noun that names it). mentions are the
 * article's (for the countries it is about, and to tell a place from an
 * actor). ww may be NULL (dates only, places by mention). Strings go to
 * arena. */
dl_status dl_event_when_where(const dl_whenwhere *ww, dl_event *e, const dl_article *article,
                              const dl_sentence *s, uint32_t verb, const dl_mention *mentions,
                              size_t n_mentions, dl_arena *arena);

/* The article's date as YYYYMMDD (a month or year alone: its first day),
 * or 0 when it has none or it cannot be read. */
int32_t dl_article_anchor(const dl_article *article);

#endif
