// A reading page's own script (crates/publish/src/reading_page.rs), the last in its head.
// The shell shows the article; the app mounts under it (src/components/boot.rs) with an empty
// desk that waits for the on-demand module to draw the reading view. Here the app's desk gets a
// copy of the shell's article as soon as it is there, so the app, hidden under the shell, is
// laid out as the shell is and nothing moves whenever it takes over (at its first chart, or at
// the latest after 3 s). And the shell goes as soon as the module has drawn the article (its
// heading has the id the shell's copy lacks): the reader's numbers answer from then on, where they
// would otherwise wait for the app's first chart, far below the text.
(function () {
  // A link to a fact's sentence in the article ("Read in the report"): the sentence is marked and
  // brought to the top of the page as the reading view does, before the first paint, from where
  // the page says its facts' sentences lie (crates/publish/src/reading_quotes.rs: the facts, the
  // child of the article and the range of its text, for each run of the mark; then the article's
  // facts it does not mark). index.html's first script, before this one, has brought the article
  // into view already. A fact the article does not have is the app's to answer (an unknown one
  // with a notice): the page's view stays hidden then, as for any view it did not draw.
  document.addEventListener('readystatechange', function () {
    var fact = document.readyState == 'interactive' && new URLSearchParams(location.search).get('fact');
    var reader = fact && document.querySelector('#boot .reader'), first = null, known = 0;
    var text = reader && reader.querySelector('.reader__text');
    if (!text) return;
    (reader.getAttribute('data-quotes') || '').split(' ').forEach(function (place) {
      var p = place.split('/'), block = text.children[p[1]], walker, node, nodes = [], at = 0;
      if (p[0].split(',').indexOf(fact) < 0) return;
      known = 1;
      if (!block) return;
      walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      while ((node = walker.nextNode())) nodes.push(node);
      nodes.forEach(function (node) {
        var from = Math.max(p[2] - at, 0), to = Math.min(p[3] - at, node.length), mark;
        at += node.length;
        if (from >= to) return;
        if (to < node.length) node.splitText(to);
        if (from) node = node.splitText(from);
        mark = document.createElement('mark');
        mark.className = 'read__quote';
        node.before(mark);
        mark.append(node);
        first = first || mark;
      });
    });
    if (first) first.scrollIntoView();
    if (!known) document.documentElement.className += ' boot-plain';
  });
  var copied = 0;
  new MutationObserver(function (records, observer) {
    // The app's desk is there once the app has mounted, below the shell (empty while the shell
    // is up: src/components/report_desk.rs): until the app has taken over, or this has.
    var desk = document.querySelector('main .desk'), boot = document.getElementById('boot');
    if (!desk) return;
    if (!boot) return observer.disconnect();
    if (desk.querySelector('#reader-title')) {
      observer.disconnect();
      return boot.remove();
    }
    var article = boot.querySelector('.boot__desk');
    if (!copied && article) {
      copied = 1;
      desk.replaceChildren(article.cloneNode(true));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
