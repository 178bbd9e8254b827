/* chunk.h: the chunker: base noun phrases and verb groups.
 *
 * A base NP is a run of determiners, possessives, adjectives, numbers and
 * nouns ending at its head noun, with possessive chains, titles and names
 * kept together ("Israel's Defence Minister Yoav Gallant" is one NP whose
 * head is "Gallant"). A verb group is a run of auxiliaries, modals,
 * negation and adverbs ending at its main verb ("did not immediately
 * respond"), with DL_VG_* flags for passive, negation, modality, future,
 * perfect and progressive. */
#ifndef DL_TEXT_CHUNK_H
#define DL_TEXT_CHUNK_H

#include "dateline.h"

/* Fills sentence->chunks and n_chunks from its tagged tokens (tag and, when
 * set, lemma are read). Chunks are in text order and do not overlap. The
 * array lives in arena. */
dl_status dl_chunk_sentence(dl_sentence *sentence, dl_arena *arena);

#endif
