export function hasSignature(buf: Buffer): boolean;
export function removeSignature(buf: Buffer): Buffer;
export function setChecksum(buf: Buffer): Buffer;
