export declare const IDLE_READS_GOAL: number;
export declare function runsPerDay(cron: string): number;
