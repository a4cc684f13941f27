// The view models the pages import: the types the build computes them with (src/core/site), so
// `astro check` (npm test) catches a page that reads a field its view does not have.
// Written with import() types, not top-level imports, so these stay global module declarations.

declare module 'virtual:pledge/public-view' {
  const view: import('../core/site/public-view.ts').PublicPageView;
  export default view;
}

declare module 'virtual:pledge/internal-view' {
  const view: import('../core/site/internal-view.ts').InternalSiteView;
  export default view;
}
