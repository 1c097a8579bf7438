// Types for scripts/schemathesis.mjs (plain Node so that it runs before anything is installed).
export declare const SCHEMATHESIS_VERSION: string;
export declare const venvDir: string;
export declare const schemathesisBin: string;
export declare class SchemathesisInstallError extends Error {}
export declare function ensureSchemathesis(options?: { quiet?: boolean }): string;
