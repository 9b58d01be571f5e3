// cite.js: offers a report's citation as BibTeX as well, made in the reader's browser from
// what the page already says, so that each of a large site's report pages need not carry
// it. It also offers the report's JSON record, which the page holds in <script id="record">,
// as a file to download. Without scripts the page keeps its plain citation, and the record
// stays readable in the page's source.
//
// It reads the `.cite` section's data-key (the BibTeX key, the report's id), data-year and
// data-note, the page's <h1> (the title), `.site-title` (the author) and the citation's
// last link (the permalink, as its text).
(function () {
  'use strict';
  var cite = document.querySelector('.cite[data-key]');
  var citation = cite && cite.querySelector('.citation');
  if (!citation) return;

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // Characters BibTeX and LaTeX read as commands or groups, written so they print as is.
  function tex(value) {
    return value.replace(/[\\{}%&#$_^~]/g, function (c) {
      if (c === '\\') return '\\textbackslash{}';
      if (c === '^' || c === '~') return '\\' + c + '{}';
      return '\\' + c;
    });
  }

  var links = citation.querySelectorAll('a');
  var url = text(links[links.length - 1]);
  var bibtex = '@misc{' + cite.dataset.key + ',\n' +
    '  title = {' + tex(text(document.querySelector('main h1'))) + '},\n' +
    '  author = {{' + tex(text(document.querySelector('.site-title'))) + '}},\n' +
    '  year = {' + cite.dataset.year + '},\n' +
    '  note = {' + tex(cite.dataset.note || '') + '},\n' +
    '  howpublished = {\\url{' + url + '}}\n' +
    '}';

  var details = document.createElement('details');
  var summary = document.createElement('summary');
  var pre = document.createElement('pre');
  var code = document.createElement('code');
  summary.textContent = 'BibTeX';
  code.textContent = bibtex;
  pre.appendChild(code);
  details.appendChild(summary);
  details.appendChild(pre);
  citation.after(details);

  // The record as a download, pretty-printed, named after the report.
  var record = document.getElementById('record');
  var asData = cite.querySelector('.as-data');
  if (record && asData && window.Blob && window.URL && URL.createObjectURL) {
    var pretty = JSON.stringify(JSON.parse(record.textContent), null, 2) + '\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }));
    link.download = cite.dataset.key + '.json';
    link.textContent = asData.dataset.download || 'JSON';
    asData.appendChild(document.createTextNode(' · '));
    asData.appendChild(link);
  }
})();
