export const TARGETS: Record<string, { pkg: string; file: string; exe: string }>;
export function hostTarget(): string | undefined;
export function sriOf(buf: Buffer): string;
export function tarEntry(tar: Buffer, wanted: string): Buffer | undefined;
export class NodePackages {
  constructor(cache: string, log: (msg: string) => void);
  resolveVersion(pkg: string, wanted: string): string;
  fetch(pkg: string, version: string): { tgz: string; integrity: string; buf: Buffer };
  extractExecutable(target: string, wanted: string, dest: string): { pkg: string; version: string; integrity: string };
}
