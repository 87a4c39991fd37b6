// Search summaries without network requests. Sphinx's search fetches each result page to
// show a summary, and a browser refuses those requests when the book is opened from the
// file system. page-texts.js holds each page's text; this answers those requests from it.
(() => {
  const texts = window.BOOK_PAGE_TEXTS || {};
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    const root = new URL(document.documentElement.dataset.content_root || "./", document.baseURI);
    const address = new URL(String(resource), document.baseURI);
    const page = address.href.startsWith(root.href) ? address.href.slice(root.href.length) : "";
    if (Object.hasOwn(texts, page)) {
      const headers = { "Content-Type": "text/html; charset=utf-8" };
      return Promise.resolve(new Response(texts[page], { headers }));
    }
    return fetchFromNetwork(resource, options);
  };
})();
