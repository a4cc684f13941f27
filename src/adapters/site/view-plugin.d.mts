// Types of view-plugin.mjs (plain JavaScript, see there why), for the TypeScript that imports it.
export declare const VIEW_MODULES: {
  readonly public: 'virtual:pledge/public-view';
  readonly internal: 'virtual:pledge/internal-view';
};

export declare function viewPlugin(kind: keyof typeof VIEW_MODULES, view: unknown): {
  name: string;
  resolveId(requested: string): string | undefined;
  load(requested: string): string | undefined;
};
