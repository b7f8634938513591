// The built pages read as a browser reads them (parse5 follows the HTML standard: implied
// <head>, unquoted attributes, raw-text <script> and <style>), not by patterns over the text.
import { parse } from 'parse5';

/** Every element of `html` in document order: { name, attrs: {name: value}, text, parent }. */
export function elements(html) {
  const out = [];
  const walk = (node, parent) => {
    let self = parent;
    if (node.tagName) {
      self = {
        name: node.tagName,
        attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])),
        text: (node.childNodes || []).filter((c) => c.nodeName === '#text').map((c) => c.value).join(''),
        parent: parent?.name,
      };
      out.push(self);
    }
    for (const child of node.content?.childNodes || node.childNodes || []) walk(child, self);
  };
  walk(parse(html), null);
  return out;
}

/** The text of every script the browser runs inline (no src; classic or module). */
export const inlineScripts = (html) => elements(html)
  .filter((e) => e.name === 'script' && !('src' in e.attrs) && [undefined, '', 'module', 'text/javascript'].includes(e.attrs.type))
  .map((e) => e.text);

/** The text of every <style>. */
export const inlineStyles = (html) => elements(html).filter((e) => e.name === 'style').map((e) => e.text);

/** The content of `<meta property|name=key>`. */
export const metaContent = (html, key) =>
  elements(html).find((e) => e.name === 'meta' && (e.attrs.property === key || e.attrs.name === key))?.attrs.content;
