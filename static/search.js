// Search as you type over the index incidex writes (the files are described in
// src/search_index.rs). Only the files a query needs are fetched, each once.
//
// The query engine (queryWords, parseQuery, Search) never touches the DOM, so node
// tests import this module; the page is wired up only when form#search-form exists.

const FORMAT = 1;
const PAGE_SIZE = 50;
// A word being typed matches report bodies from this many characters on (as
// BODY_PREFIX_CHARS in src/search_index.rs); shorter, titles, groups and places only.
const BODY_PREFIX_CHARS = 3;
const FACETS = ['country', 'region', 'group', 'type', 'confidence'];
const PARAMS = ['q', ...FACETS, 'from', 'to'];
// The script's words, in English unless the page gives its own in the form's
// data-words (the site's language, from its interface catalogue).
export const ENGLISH = {
  load_error: 'The search index could not be loaded. Check your connection and try again.',
  show_more: 'Show more',
  loading: 'Loading…',
  matches: { one: '{n} incident matches', other: '{n} incidents match' },
  no_match_filters: 'No incident matches these filters',
  no_match_words: 'No incident matches “{words}”',
  no_match_words_filters: 'No incident matches “{words}” with these filters',
};

// The same rules as src/search_index/words.rs, whose tests check these tables and the
// apostrophes are the same here: ASCII folds of U+00C0..U+017F, '.' for no fold and
// upper case for the two-letter folds in TWO_LETTERS.
const LATIN_FOLDS =
  'aaaaaaAceeeeiiiidnooooo.ouuuuyTSaaaaaaAceeeeiiiidnooooo.ouuuuyTy' +
  'aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkklllllll' +
  'lllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs';
const TWO_LETTERS = { A: 'ae', I: 'ij', O: 'oe', S: 'ss', T: 'th' };
const APOSTROPHES = "'\u2018\u2019\u02BC\u02BE\u02BF";
// Arabic, as ARABIC_MARKS and ARABIC_FOLDS there: tatweel and vowel signs ([first,
// last] code points) drop out of the word, so it is found however it was vowelled;
// the letters of ARABIC_FROM are spelled as the one at the same place in ARABIC_TO
// (أ إ آ ٱ as ا, ى as ي, ة as ه), as writers and keyboards mix them.
const ARABIC_MARKS = [[0x640, 0x640], [0x64b, 0x65f], [0x670, 0x670]];
const ARABIC_FROM = '\u0622\u0623\u0625\u0671\u0649\u0629';
const ARABIC_TO = '\u0627\u0627\u0627\u0627\u064A\u0647';
const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;

function foldLatin(c) {
  const code = LATIN_FOLDS[c.codePointAt(0) - 0xc0];
  if (code === undefined || code === '.') return null;
  return TWO_LETTERS[code] ?? code;
}

// Signs that fold away without splitting the word: combining accents, Arabic marks.
const isMark = (point) =>
  (point >= 0x300 && point <= 0x36f) ||
  ARABIC_MARKS.some(([first, last]) => point >= first && point <= last);

/** The words of `text` as the index spells terms: lower case, accents folded
 *  ("Dioïla" → "dioila"), Arabic vowel signs dropped and letter forms folded
 *  ("الْمَدْرَسَةُ" → "المدرسه"), apostrophes dropped ("Jama'at" → "jamaat"). */
export function queryWords(text) {
  const words = [];
  let word = '';
  for (const character of text) {
    // Per character, as Rust's char::to_lowercase: no final-sigma rule.
    for (const c of character.toLowerCase()) {
      const point = c.codePointAt(0);
      if (isMark(point) || APOSTROPHES.includes(c)) continue;
      const arabic = ARABIC_FROM.indexOf(c);
      const folded = arabic >= 0 ? ARABIC_TO[arabic] : foldLatin(c);
      if (folded) word += folded;
      else if (WORD_CHAR.test(c)) word += c;
      else if (word) {
        words.push(word);
        word = '';
      }
    }
  }
  if (word) words.push(word);
  return words;
}

/** The terms to look up for the query `q`: each word once, function words (`stop`)
 *  left out; the last word matches as a prefix while it is still being typed. */
export function parseQuery(q, stop = []) {
  const words = queryWords(q);
  const typing = words.length > 0 && queryWords([...q].pop()).length > 0;
  const terms = [];
  words.forEach((word, i) => {
    const prefix = typing && i === words.length - 1;
    if (!prefix && stop.includes(word)) return;
    const same = terms.findIndex((t) => t.word === word);
    if (same >= 0) terms.splice(same, 1);
    terms.push({ word, prefix });
  });
  return terms;
}

/** "2025-07-01" as 20250701, the date column's numbers; NaN when empty or malformed. */
function dateNumber(date) {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.replaceAll('-', '')) : NaN;
}

/** Postings as the index writes them (`gap * 3 + tier`), given to `visit(number, tier)`. */
function eachPosting(encoded, visit) {
  let next = 0;
  for (const value of encoded) {
    const number = next + Math.floor(value / 3);
    visit(number, value % 3);
    next = number + 1;
  }
}

/** A search index. `load(path)` resolves to the parsed JSON of one index file. */
export class Search {
  constructor(load) {
    this.load = load;
    this.files = new Map();
  }

  /** Loads a file once; a failed load is forgotten so the next search retries it. */
  file(path) {
    let pending = this.files.get(path);
    if (!pending) {
      pending = Promise.resolve(path).then((p) => this.load(p));
      pending.catch(() => this.files.delete(path));
      this.files.set(path, pending);
    }
    return pending;
  }

  async meta() {
    const meta = await this.file('meta.json');
    if (meta.format !== FORMAT) throw new Error(`search index format ${meta.format}`);
    meta.keys ??= Object.fromEntries(
      FACETS.map((name) => [name, new Map(meta.facets[name].map(([key], i) => [key, i]))]),
    );
    return meta;
  }

  /** The numbers of the reports matching `params` ({q, country, region, group, type,
   *  confidence, from, to}, empty strings for unset), best first, then newest first; `asked` is
   *  false when there were neither words nor filters, so nothing was searched. */
  async run(params) {
    const meta = await this.meta();
    const terms = parseQuery(params.q ?? '', meta.stop);
    const facets = FACETS.filter((name) => params[name]);
    const from = dateNumber(params.from ?? '');
    const to = dateNumber(params.to ?? '');
    const dated = !Number.isNaN(from) || !Number.isNaN(to);
    if (!terms.length && !facets.length && !dated) return { numbers: [], asked: false };

    const columns = [...facets, ...(dated ? ['date'] : [])];
    const [postings, loaded] = await Promise.all([
      Promise.all(terms.map((term) => this.postings(meta, term))),
      Promise.all(columns.map((name) => this.file(`filters/${name}.json`))),
    ]);
    const column = Object.fromEntries(columns.map((name, i) => [name, loaded[i]]));

    let [first, end] = [0, meta.count];
    if (dated) [first, end] = this.dateRange(column.date, from, to);
    const tests = facets.map((name) => {
      const wanted = meta.keys[name].get(params[name]) ?? -1;
      const values = column[name];
      return name === 'region' || name === 'group'
        ? (n) => values[n].includes(wanted)
        : (n) => values[n] === wanted;
    });
    const passes = (n) => n >= first && n < end && tests.every((test) => test(n));

    if (!terms.length) {
      const numbers = [];
      for (let n = first; n < end; n++) if (passes(n)) numbers.push(n);
      return { numbers, asked: true };
    }
    const score = this.score(meta.count, postings);
    const numbers = [];
    for (let n = first; n < end; n++) if (score[n] >= 0 && passes(n)) numbers.push(n);
    numbers.sort((a, b) => score[b] - score[a] || a - b);
    return { numbers, asked: true };
  }

  /** For one query term, the postings lists that can hold it: from the shards of an
   *  exact or prefix term, or, for a short word being typed, its prefix file (title,
   *  group and place words only: one or two letters are too little to search bodies by). */
  async postings(meta, { word, prefix }) {
    if (prefix && [...word].length < BODY_PREFIX_CHARS) {
      const at = meta.prefixes.indexOf(word);
      return at < 0 ? [] : [await this.file(`prefixes/${at}.json`)];
    }
    const shards = [];
    const chars = [...word];
    for (let length = chars.length; length > 0; length--) {
      const at = meta.shards.indexOf(chars.slice(0, length).join(''));
      if (at >= 0) {
        shards.push(at);
        break;
      }
    }
    if (prefix) {
      meta.shards.forEach((key, at) => {
        if (key.length > word.length && key.startsWith(word)) shards.push(at);
      });
    }
    const loaded = await Promise.all(shards.map((at) => this.file(`terms/${at}.json`)));
    const lists = [];
    for (const shard of loaded) {
      if (!prefix) {
        if (Object.hasOwn(shard, word)) lists.push(shard[word]);
        continue;
      }
      for (const term in shard) if (term.startsWith(word)) lists.push(shard[term]);
    }
    return lists;
  }

  /** Per report, the sum over query terms of its best tier for each, or -1 when a term
   *  is missing (every term must match). */
  score(count, postings) {
    const total = new Int16Array(count);
    const best = new Int8Array(count);
    for (const lists of postings) {
      best.fill(-1);
      for (const list of lists) {
        eachPosting(list, (n, tier) => {
          if (tier > best[n]) best[n] = tier;
        });
      }
      for (let n = 0; n < count; n++) {
        total[n] = total[n] < 0 || best[n] < 0 ? -1 : total[n] + best[n];
      }
    }
    return total;
  }

  /** The run of report numbers dated `from`..=`to` (NaN for open), from the date
   *  column: newest first, each entry its distance below the previous one. */
  dateRange(column, from, to) {
    if (!this.dates) {
      this.dates = new Int32Array(column.length);
      column.forEach((step, n) => (this.dates[n] = n === 0 ? step : this.dates[n - 1] - step));
    }
    const dates = this.dates;
    let [first, end] = [0, dates.length];
    if (!Number.isNaN(to)) while (first < end && dates[first] > to) first++;
    if (!Number.isNaN(from)) while (end > first && dates[end - 1] < from) end--;
    return [first, end];
  }

  /** The shown fields of report `number`, loading only its chunk of the records. */
  async record(number) {
    const meta = await this.meta();
    const chunk = await this.file(`docs/${Math.floor(number / meta.chunk)}.json`);
    const [url, title, date, dateLabel, place, summary] = chunk[number % meta.chunk];
    return { url: meta.url_prefix + url, title, date, dateLabel, place, summary };
  }

  records(numbers) {
    return Promise.all(numbers.map((number) => this.record(number)));
  }
}

// The page: form#search-form, #search-status and #search-results.

function start(form) {
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const indexUrl = new URL(form.dataset.index, location.href);
  const words = wordsOf(form);
  const search = new Search(async (path) => {
    const response = await fetch(new URL(path, indexUrl));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  });
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.textContent = words.show_more;
  more.hidden = true;
  list.after(more);

  let current = 0; // the latest run; older ones stop at their next await
  let searched = null; // the parameters of the latest run, unless it failed
  let results = [];
  let timer;

  const params = () =>
    Object.fromEntries(PARAMS.map((name) => [name, form.elements[name]?.value ?? '']));

  /** Shows results `from`.. (a page of them), each as soon as it and those before it
   *  have loaded; all their files load at once. Stops if a newer run took over. */
  async function show(run, from) {
    const pending = results.slice(from, from + PAGE_SIZE).map((n) => search.record(n));
    // A failure is reported once, by the first await that meets it.
    for (const record of pending) record.catch(() => {});
    if (from === 0 && !pending.length) list.replaceChildren();
    for (const [i, record] of pending.entries()) {
      const item = resultItem(await record);
      if (run !== current) return;
      if (from === 0 && i === 0) list.replaceChildren();
      list.append(item);
    }
    more.hidden = from + PAGE_SIZE >= results.length;
  }

  async function update() {
    const asked = params();
    // A text field's change event repeats its input events: nothing new to search.
    const key = JSON.stringify(asked);
    if (key === searched) return;
    searched = key;
    const run = ++current;
    const url = new URL(location.href);
    url.search = new URLSearchParams(
      PARAMS.map((name) => [name, asked[name].trim()]).filter(([, value]) => value),
    ).toString();
    history.replaceState(history.state, '', url);
    const loading = setTimeout(() => {
      if (run === current) status.textContent = words.loading;
    }, 150);
    try {
      const found = await search.run(asked);
      if (run !== current) return;
      results = found.numbers;
      clearTimeout(loading);
      status.textContent = found.asked ? summary(words, results.length, asked) : '';
      await show(run, 0);
    } catch {
      if (run !== current) return;
      searched = null;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = words.load_error;
    } finally {
      clearTimeout(loading);
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  more.addEventListener('click', async () => {
    const from = list.children.length;
    try {
      await show(current, from);
      list.children[from]?.querySelector('a')?.focus();
    } catch {
      status.textContent = words.load_error;
    }
  });

  const given = new URLSearchParams(location.search);
  for (const name of PARAMS) {
    const field = form.elements[name];
    if (field && given.has(name)) field.value = given.get(name);
  }
  update();
}

/** The page's words: English, with the form's `data-words` (JSON) over them. */
function wordsOf(form) {
  try {
    return { ...ENGLISH, ...JSON.parse(form.dataset.words || '{}') };
  } catch {
    return ENGLISH;
  }
}

/** What the status line says of `count` results for the query `asked`, in `words`
 *  (plural forms chosen by the page's language, as the catalogue's CLDR categories). */
export function summary(words, count, asked, language = pageLanguage()) {
  if (count > 0) {
    const forms = words.matches;
    const category = new Intl.PluralRules(language).select(count);
    const form = forms[category] ?? forms.other;
    // Western digits, as the pages print every other number.
    return form.replace('{n}', count.toLocaleString(language, { numberingSystem: 'latn' }));
  }
  const filtered = FACETS.some((name) => asked[name]) || asked.from || asked.to;
  const query = asked.q.trim();
  if (!query) return words.no_match_filters;
  const message = filtered ? words.no_match_words_filters : words.no_match_words;
  return message.replace('{words}', query);
}

function pageLanguage() {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'en';
}

function resultItem(record) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = record.url;
  link.textContent = record.title;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const time = document.createElement('time');
  time.dateTime = record.date;
  time.textContent = record.dateLabel;
  meta.append(time, record.place ? ` · ${record.place}` : '');
  const text = document.createElement('p');
  text.textContent = record.summary;
  item.append(link, meta, text);
  return item;
}

if (typeof document !== 'undefined') {
  const form = document.getElementById('search-form');
  if (form) start(form);
}
