/** A problem with the import request itself (unreadable file, unknown type, ambiguous warehouse): CLI exit 2, HTTP 400. */
export class ImportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportUsageError';
  }
}
