// Minimal typings for the part of `unzipper` (no bundled types) we use: opening a zip
// through its central directory.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  interface File {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(password?: string): Readable;
    buffer(password?: string): Promise<Buffer>;
  }
  interface CentralDirectory {
    files: File[];
  }
  const unzipper: {
    Open: { file(path: string): Promise<CentralDirectory> };
  };
  export type { File, CentralDirectory };
  export default unzipper;
}
