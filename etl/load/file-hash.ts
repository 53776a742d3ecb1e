/** Content hash of a file (sha256, hex), streamed, reporting bytes as it goes. */
import crypto from 'node:crypto';
import fs from 'node:fs';

export async function hashFile(file: string, onBytes?: (done: number) => void): Promise<string> {
  const hash = crypto.createHash('sha256');
  let done = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    onBytes?.(done);
  }
  return hash.digest('hex');
}
