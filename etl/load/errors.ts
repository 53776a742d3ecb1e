/**
 * A file the ETL refuses whole: it cannot be read (encoding, compression, not the
 * format it claims) or lacks a required column. Nothing of it is loaded; the run
 * log records the message with the line or byte offset where the problem is.
 */
export class FileRefusedError extends Error {
  readonly line: number | undefined;
  readonly offset: number | undefined;

  constructor(message: string, where: { line?: number | undefined; offset?: number | undefined } = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FileRefusedError';
    this.line = where.line;
    this.offset = where.offset;
  }
}
