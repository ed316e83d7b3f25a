// Types for scripts/ensure-build.mjs, for the tests that import it.
export declare const STAMP: string;
export declare function buildInputs(root: string): string[];
export declare function staleReason(root: string): string | undefined;
export declare function ensureBuild(
  root: string,
  options?: {
    force?: boolean;
    build?: (root: string) => void;
    log?: (line: string) => void;
  },
): boolean;
