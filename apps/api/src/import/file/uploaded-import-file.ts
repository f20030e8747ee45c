/** What the upload route hands over: multer's in-memory file (only the fields the import reads). */
export interface UploadedImportFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}
