export declare function envReads(code: string): string[];
