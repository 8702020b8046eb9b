export interface MachOSegment { name: string; off: number; vmsize: number; fileoff: number; filesize: number }
export interface MachO {
  filetype: number;
  ncmds: number;
  sizeofcmds: number;
  segments: MachOSegment[];
  linkedit?: MachOSegment;
  text?: MachOSegment;
  signature?: { off: number; dataoff: number; datasize: number };
  firstSectionOffset: number;
}
export function parseMachO(buf: Buffer): MachO;
export function removeSignature(buf: Buffer): Buffer;
export function adhocSign(buf: Buffer, identifier: string): Buffer;
export function verifyCodeDirectories(buf: Buffer): { flags: number; identifier: string; codeLimit: number; slots: number; ok: boolean }[];
