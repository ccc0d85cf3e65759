// Types of zoned-time.js (a browser module the tests also import).
export function isoInZone(ms: number, timeZone: string): string;
export function localInZone(ms: number, timeZone: string): string;
export function instantInZone(local: string, timeZone: string): number | undefined;
export function instantOf(value: unknown): number | undefined;
