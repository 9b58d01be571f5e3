// The query engine of static/search.js against an index built by the crate itself
// (examples/search_index.rs, through cargo). From a clone, after `cargo build`:
//
//   node --test tests/js/
//
// The first run compiles the example, which can take a minute.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { ENGLISH, parseQuery, queryWords, Search, summary } from '../../static/search.js';
import { buildIndex, fileLoader } from './build-index.mjs';

const facet = (key, name) => ({ key, name });
const FACETS = {
  countries: [facet('mali', 'Mali'), facet('niger', 'Niger')],
  regions: [facet('mali/kayes', 'Kayes'), facet('mali/koulikoro', 'Koulikoro'), facet('niger/tillaberi', 'Tillabéri')],
  groups: [facet('jnim', 'JNIM'), facet('fama', 'FAMa'), facet('issp', 'ISSP')],
  types: [facet('attack', 'Attack'), facet('clash', 'Clash'), facet('curfew', 'Curfew')],
  grades: [facet('confirmed', 'Confirmed'), facet('weak', 'Weak')],
};
const JNIM = ['JNIM', "Jama'at Nusrat al-Islam wal-Muslimin", 'GSIM'];

function report(slug, date, fields) {
  return {
    url: `/sub/incidents/${date.slice(0, 4)}/${slug}/`,
    date,
    date_label: date,
    country: 0,
    regions: [],
    groups: [],
    event_type: null,
    places: [],
    group_names: [],
    body_text: '',
    place: '',
    summary: '',
    ...fields,
  };
}

const DOCS = [
  report('barracks', '2025-07-01', {
    title: 'Coordinated attacks on army posts in western Mali',
    date_label: '1 July 2025',
    place: 'Kayes, Mali',
    places: ['Kéniéba', 'Kayes', 'Mali'],
    regions: [0],
    groups: [0, 1],
    event_type: 0,
    confidence: 1,
    group_names: [...JNIM, 'FAMa', 'Malian Armed Forces'],
    summary: 'Militants attacked several army posts in the Kayes region.',
    body_text: 'Fighters struck barracks at dawn; the army said it repelled them.',
  }),
  report('curfew', '2025-07-02', {
    title: 'Curfew declared in Kayes',
    place: 'Kayes, Mali',
    places: ['Kayes', 'Mali'],
    regions: [0],
    event_type: 2,
    summary: 'The governor ordered a night curfew.',
    body_text: 'Motorbikes are banned after dark.',
  }),
  report('dioila', '2025-06-15', {
    title: 'Clash near Dioïla',
    date_label: 'June 2025',
    place: 'Koulikoro, Mali',
    places: ['Dioïla', 'Koulikoro', 'Mali'],
    regions: [1],
    groups: [1],
    event_type: 1,
    confidence: 0,
    group_names: ['FAMa', 'Malian Armed Forces'],
    body_text: 'Soldiers clashed with suspected JNIM fighters; an attack on the town was feared.',
  }),
  report('tillaberi', '2024-03-10', {
    title: 'Attack in Tillabéri',
    place: 'Tillabéri, Niger',
    country: 1,
    places: ['Tillabéri', 'Niger'],
    regions: [2],
    groups: [2],
    event_type: 0,
    group_names: ['ISSP', 'Islamic State Sahel Province', 'EIGS'],
    body_text: 'Gunmen on motorbikes attacked a market.',
  }),
];

let built;
let search;
const slugs = async (params) => {
  const { numbers } = await search.run({ q: '', ...params });
  return (await search.records(numbers)).map((r) => r.url.split('/').at(-2));
};

before(() => {
  built = buildIndex({ docs: DOCS, facets: FACETS });
  search = new Search(fileLoader(built.index));
});
after(() => rmSync(built.folder, { recursive: true, force: true }));

describe('query words', () => {
  it('folds case, accents and apostrophes as the index does', () => {
    assert.deepEqual(queryWords("Dioïla JAMA'AT Œuvre, l’État"), ['dioila', 'jamaat', 'oeuvre', 'letat']);
    assert.deepEqual(queryWords('Dioi\u0308la al-Islam'), ['dioila', 'al', 'islam']);
  });

  it('treats the last word as a prefix only while it is typed', () => {
    assert.deepEqual(parseQuery('the kay', ['the']), [{ word: 'kay', prefix: true }]);
    assert.deepEqual(parseQuery('kayes ', ['the']), [{ word: 'kayes', prefix: false }]);
    assert.deepEqual(parseQuery('kayes the', ['the']), [
      { word: 'kayes', prefix: false },
      { word: 'the', prefix: true },
    ]);
  });
});

describe('Arabic query words', () => {
  it('drops vowel signs and tatweel without splitting the word', () => {
    assert.deepEqual(queryWords('الْمَدْرَسَةُ'), queryWords('المدرسه'));
    assert.deepEqual(queryWords('الْمَدْرَسَةُ'), ['\u0627\u0644\u0645\u062F\u0631\u0633\u0647']);
    assert.deepEqual(queryWords('المـــدرسة هٰذا'), ['المدرسه', 'هذا']);
  });

  it('folds the letter forms writers mix', () => {
    assert.deepEqual(queryWords('أمن'), queryWords('امن'));
    assert.deepEqual(queryWords('آمن إمام ٱلله إلى مستشفى'), ['امن', 'امام', 'الله', 'الي', 'مستشفي']);
    assert.deepEqual(queryWords('كِتَابٌ، جَيْش'), ['كتاب', 'جيش']);
  });
});

describe('Arabic search', () => {
  // The index `build` writes, so English function words; folding is the same in every
  // language's index.
  let arabic;
  let index;
  before(() => {
    arabic = buildIndex({
      docs: [
        report('school', '2025-07-01', { title: 'هجوم على المدرسة', summary: 'قوات الأمن في القرية' }),
        report('road', '2025-06-01', { title: 'إغلاق الطريق إلى المستشفى' }),
      ],
      facets: FACETS,
    });
    index = new Search(fileLoader(arabic.index));
  });
  after(() => rmSync(arabic.folder, { recursive: true, force: true }));
  const found = async (q) => {
    const { numbers } = await index.run({ q });
    return (await index.records(numbers)).map((r) => r.url.split('/').at(-2));
  };

  it('finds a word however it is vowelled', async () => {
    assert.deepEqual(await found('الْمَدْرَسَةُ '), ['school']);
    assert.deepEqual(await found('المدرسه '), ['school']);
  });

  it('finds a word however its letters are written', async () => {
    assert.deepEqual(await found('الامن '), await found('الأمن '));
    assert.deepEqual(await found('الأمن '), ['school']);
    assert.deepEqual(await found('المستشفي '), ['road']);
    assert.deepEqual(await found('اغلاق '), ['road']);
  });
});

describe('search', () => {
  it('finds a group by any of its aliases', async () => {
    assert.deepEqual(await slugs({ q: 'GSIM' }), ['barracks']);
    assert.deepEqual(await slugs({ q: "jama'at nusrat" }), ['barracks']);
    assert.deepEqual(await slugs({ q: 'eigs ' }), ['tillaberi']);
  });

  it('ignores accents and case', async () => {
    assert.deepEqual(await slugs({ q: 'dioila' }), ['dioila']);
    assert.deepEqual(await slugs({ q: 'DIOÏLA' }), ['dioila']);
    assert.deepEqual(await slugs({ q: 'kenieba' }), ['barracks']);
  });

  it('ranks title, group and place hits above body hits', async () => {
    // JNIM is a group of "barracks" but only in the body of "dioila".
    assert.deepEqual(await slugs({ q: 'jnim' }), ['barracks', 'dioila']);
    // Kayes: in the title of "curfew", a place of "barracks"; ties go newest first.
    assert.deepEqual(await slugs({ q: 'kayes' }), ['curfew', 'barracks']);
  });

  it('matches the word being typed as a prefix', async () => {
    assert.deepEqual(await slugs({ q: 'jni' }), ['barracks', 'dioila']);
    assert.deepEqual(await slugs({ q: 'motorb' }), ['curfew', 'tillaberi']);
    assert.deepEqual(await slugs({ q: 'motorb ' }), []);
  });

  it('matches one or two typed letters against titles, groups and places only', async () => {
    assert.deepEqual(await slugs({ q: 'j' }), ['barracks']);
    assert.deepEqual(await slugs({ q: 'jn' }), ['barracks']);
    assert.deepEqual(await slugs({ q: 'k' }), ['curfew', 'barracks', 'dioila']);
  });

  it('needs every word', async () => {
    assert.deepEqual(await slugs({ q: 'kayes attack' }), ['barracks']);
    assert.deepEqual(await slugs({ q: 'attack' }), ['barracks', 'tillaberi', 'dioila']);
    assert.deepEqual(await slugs({ q: 'kayes curfew niger' }), []);
  });

  it('leaves function words out of the query', async () => {
    assert.deepEqual(await slugs({ q: 'the curfew' }), ['curfew']);
    const { asked } = await search.run({ q: 'the ' });
    assert.equal(asked, false);
  });

  it('filters without a query, newest first', async () => {
    assert.deepEqual(await slugs({ country: 'niger' }), ['tillaberi']);
    assert.deepEqual(await slugs({ group: 'fama' }), ['barracks', 'dioila']);
    assert.deepEqual(await slugs({ region: 'mali/kayes', type: 'curfew' }), ['curfew']);
    assert.deepEqual(await slugs({ from: '2025-06-01', to: '2025-06-30' }), ['dioila']);
    assert.deepEqual(await slugs({ from: '2025-07-01' }), ['curfew', 'barracks']);
    assert.deepEqual(await slugs({ to: '2025-01-01' }), ['tillaberi']);
    assert.deepEqual(await slugs({ group: 'no-such-group' }), []);
  });

  it('filters by confidence grade, leaving ungraded reports out', async () => {
    assert.deepEqual(await slugs({ confidence: 'weak' }), ['barracks']);
    assert.deepEqual(await slugs({ confidence: 'confirmed', country: 'mali' }), ['dioila']);
    assert.deepEqual(await slugs({ confidence: 'no-such-grade' }), []);
  });

  it('filters the results of a query', async () => {
    assert.deepEqual(await slugs({ q: 'jnim', region: 'mali/koulikoro' }), ['dioila']);
    assert.deepEqual(await slugs({ q: 'attack', country: 'mali', from: '2025-06-20' }), ['barracks']);
  });

  it('asks nothing without words or filters', async () => {
    assert.deepEqual(await search.run({ q: '  ' }), { numbers: [], asked: false });
  });

  it('gives what the result list shows', async () => {
    const { numbers } = await search.run({ q: 'tillaberi' });
    assert.deepEqual(await search.records(numbers), [
      {
        url: '/sub/incidents/2024/tillaberi/',
        title: 'Attack in Tillabéri',
        date: '2024-03-10',
        dateLabel: '2024-03-10',
        place: 'Tillabéri, Niger',
        summary: '',
      },
    ]);
  });

  it('loads only the files a query needs', async () => {
    const read = [];
    const fresh = new Search(fileLoader(built.index, (path) => read.push(path)));
    await fresh.run({ q: 'kayes' });
    assert.equal(read.length, 2, read.join(', '));
    assert.match(read[1], /^terms\/\d+\.json$/);
    await fresh.run({ q: 'kayes' });
    assert.equal(read.length, 2, 'files are loaded once');
  });

  it('retries a file that failed to load', async () => {
    let fail = true;
    const load = fileLoader(built.index);
    const flaky = new Search((path) => {
      if (fail && path !== 'meta.json') throw new Error('offline');
      return load(path);
    });
    await assert.rejects(flaky.run({ q: 'kayes' }), /offline/);
    fail = false;
    assert.equal((await flaky.run({ q: 'kayes' })).numbers.length, 2);
  });
});

describe('the status line in the page language', () => {
  const asked = { q: 'kayes', country: '', region: '', group: '', type: '', confidence: '', from: '', to: '' };
  const french = {
    ...ENGLISH,
    matches: { one: '{n} incident correspond', other: '{n} incidents correspondent' },
    no_match_words: 'Aucun incident ne correspond à « {words} »',
  };
  const arabic = {
    ...ENGLISH,
    matches: { zero: 'z', one: 'حادثة واحدة', two: 'حادثتان', few: '{n} حوادث', many: '{n} حادثة', other: '{n} حادثة' },
  };

  it('counts in English by default', () => {
    assert.equal(summary(ENGLISH, 1, asked, 'en'), '1 incident matches');
    assert.equal(summary(ENGLISH, 1234, asked, 'en'), '1,234 incidents match');
    assert.equal(summary(ENGLISH, 0, asked, 'en'), 'No incident matches “kayes”');
  });

  it('takes the plural form the language gives a number', () => {
    assert.equal(summary(french, 1, asked, 'fr'), '1 incident correspond');
    assert.equal(summary(french, 2, asked, 'fr'), '2 incidents correspondent');
    assert.equal(summary(french, 0, asked, 'fr'), 'Aucun incident ne correspond à « kayes »');
    assert.equal(summary(arabic, 2, asked, 'ar'), 'حادثتان');
    assert.equal(summary(arabic, 5, asked, 'ar'), '5 حوادث');
  });
});
