export declare const STAMP: string;
export declare function sourcesState(root: string): string;
export declare function libIsFresh(root: string): boolean;
