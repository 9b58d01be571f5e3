//! The inverted index in memory: which reports each term was found in, and in which
//! tier, gathered from every core and kept compact, since a large site has tens of
//! millions of postings.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::stop_words::StopWords;
use super::words::for_each_word;
use super::{SearchDoc, TIER_BODY, TIER_NAME, TIER_TITLE};

/// The postings of a site's reports, added a run of reports at a time in index order, so
/// that a large site's bodies never need to be held at once: each is read when its run
/// is added and can be dropped after.
pub struct Inverted {
    pub(super) postings: Postings,
    pub(super) count: u32,
    /// The function words of the site's language, left out of the postings and written
    /// to `meta.json` so that queries drop them too.
    pub(super) stop: StopWords,
}

/// An English site's index, as every site was before sites had a language each.
impl Default for Inverted {
    fn default() -> Inverted {
        Inverted::for_language("en")
    }
}

impl Inverted {
    /// An empty index for the site in `lang` (a language tag, "fr"), which leaves out
    /// that language's function words: each language's site has its own index, and a
    /// word that is a function word in one language can be a name in another. A language
    /// without a list of function words keeps every word.
    pub fn for_language(lang: &str) -> Inverted {
        Inverted {
            postings: Postings::default(),
            count: 0,
            stop: StopWords::for_language(lang),
        }
    }

    /// Adds `docs`, the next reports in index order; `body(k)` is the body text of
    /// `docs[k]`, asked for once, from both cores.
    pub fn add<'b>(&mut self, docs: &[&SearchDoc], body: impl Fn(usize) -> Cow<'b, str> + Sync) {
        for run in invert(docs, self.count, &self.stop, &body) {
            for (term, mut list) in run {
                match self.postings.get_mut(&term) {
                    Some(all) => all.append(&mut list),
                    None => {
                        self.postings.insert(term, list);
                    }
                }
            }
        }
        self.count += docs.len() as u32;
    }
}

/// Calls `emit` with every word of `doc` but the `stop` words and the tier it was found
/// in; a word may come several times.
fn for_each_term(doc: &SearchDoc, body: &str, stop: &StopWords, mut emit: impl FnMut(&str, u8)) {
    let mut add = |text: &str, tier: u8| {
        for_each_word(text, |word| {
            if !stop.contains(word) {
                emit(word, tier);
            }
        });
    };
    add(&doc.title, TIER_TITLE);
    let names = doc.group_names.iter().chain(&doc.places);
    for name in names.chain(std::iter::once(&doc.place)) {
        add(name, TIER_NAME);
    }
    add(&doc.summary, TIER_BODY);
    add(body, TIER_BODY);
}

/// Postings per term, each list in report order with the report's best tier for it.
pub(super) type Postings = FxHashMap<String, Vec<Posting>>;

/// One report in a term's postings: its number and the best tier the term was found in,
/// packed in one word, since a large site has tens of millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Posting(u32);

impl Posting {
    pub(super) fn new(number: u32, tier: u8) -> Posting {
        Posting(number << 2 | u32::from(tier))
    }

    pub(super) fn number(self) -> u32 {
        self.0 >> 2
    }

    pub(super) fn tier(self) -> u8 {
        (self.0 & 3) as u8
    }
}

/// The postings of every term of `docs` but the `stop` words, numbered from `first` in
/// order, one map per run of reports.
///
/// Runs of reports are inverted in parallel, each into its own map, to be read in run
/// order, so lists stay sorted without a sort. A word costs one hash lookup and no
/// allocation unless the run has not seen it before: the vocabulary is small (a few
/// thousand words) next to the millions of words read.
fn invert<'b>(
    docs: &[&SearchDoc],
    first: u32,
    stop: &StopWords,
    body: &(impl Fn(usize) -> Cow<'b, str> + Sync),
) -> Vec<Postings> {
    let run = docs
        .len()
        .div_ceil(rayon::current_num_threads() * 8)
        .max(64);
    docs.par_chunks(run)
        .enumerate()
        .map(|(r, part)| {
            let mut postings = Postings::default();
            for (k, doc) in (r * run..).zip(part) {
                let number = first + k as u32;
                for_each_term(doc, &body(k), stop, |word, tier| {
                    match postings.get_mut(word) {
                        Some(list) => match list.last_mut() {
                            Some(last) if last.number() == number => {
                                *last = Posting::new(number, last.tier().max(tier));
                            }
                            _ => list.push(Posting::new(number, tier)),
                        },
                        None => {
                            postings.insert(word.to_string(), vec![Posting::new(number, tier)]);
                        }
                    }
                });
            }
            postings
        })
        .collect()
}

/// One term and its postings, in report order.
pub(super) struct TermPostings<'r> {
    pub(super) term: &'r str,
    list: &'r [Posting],
}

impl TermPostings<'_> {
    pub(super) fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        self.list.iter().copied()
    }
}

/// Every term of `postings`, sorted.
pub(super) fn by_term(postings: &Postings) -> Vec<TermPostings<'_>> {
    let mut sorted: Vec<TermPostings> = postings
        .iter()
        .map(|(term, list)| TermPostings { term, list })
        .collect();
    sorted.par_sort_unstable_by(|a, b| a.term.cmp(b.term));
    sorted
}

/// Postings as the index writes them: `gap * 3 + tier` (see the module docs).
pub(super) fn encode_postings(list: impl Iterator<Item = Posting>) -> Vec<u32> {
    let mut next = 0;
    list.map(|posting| {
        let (number, tier) = (posting.number(), posting.tier());
        let gap = number - next;
        next = number + 1;
        gap * 3 + u32::from(tier)
    })
    .collect()
}
