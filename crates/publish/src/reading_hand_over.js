// A reading page's own script (crates/publish/src/reading_page.rs), the last in its head.
// The shell shows the article; the app mounts under it (src/components/boot.rs) with an empty
// desk that waits for the on-demand module to draw the reading view. Here the app's desk gets a
// copy of the shell's article as soon as it has anything, so the app, hidden under the shell, is
// laid out as the shell is and nothing moves whenever it takes over (at its first chart, or at
// the latest after 3 s). And the shell goes as soon as the module has drawn the article (its
// heading has the id the shell's copy lacks): the reader's numbers answer from then on, where they
// would otherwise wait for the app's first chart, far below the text.
(function () {
  var copied = 0;
  new MutationObserver(function (records, observer) {
    // The app's desk is there once the app has mounted, below the shell: until the app has
    // taken over, or this has.
    var desk = document.querySelector('main .desk'), boot = document.getElementById('boot');
    if (!desk || !desk.firstElementChild) return;
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
