/** A running import stopped on purpose: the server is shutting down, or the job was declared failed meanwhile. */
export class ImportInterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = ImportInterruptedError.name;
  }
}
