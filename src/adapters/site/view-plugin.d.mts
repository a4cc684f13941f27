// Types of view-plugin.mjs (plain JavaScript, see there why), for the TypeScript that imports it.
export declare const VIEW_MODULES: {
  readonly public: 'virtual:pledge/public-view';
  readonly internal: 'virtual:pledge/internal-view';
};

export interface ViewPlugin {
  name: string;
  resolveId(requested: string, importer?: string): string | undefined;
  load(requested: string): string | undefined;
}

export declare function viewPlugin(kind: keyof typeof VIEW_MODULES, view: unknown): ViewPlugin;

export declare function sitesViewPlugin(siteSources: string, views: Record<keyof typeof VIEW_MODULES, Promise<unknown>>): {
  name: string;
  resolveId(requested: string, importer?: string): string | undefined;
  load(requested: string): Promise<string | undefined>;
};
