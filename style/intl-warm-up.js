// Started by the page's head script as a worker, while the HTML is parsed: creating these
// formatters loads the locale data every Intl.NumberFormat of the browser process shares, so the
// app's own formatters (crates/catalogue/src/format.rs) cost the main thread nothing. The app
// starts once this says it is done.
new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 }).format(41000);
new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(41000);
postMessage(0);
close();
