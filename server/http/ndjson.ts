/**
 * A streamed NDJSON response (one JSON object a line) for long work such as file
 * loads: the producer runs in the background and sends lines as they happen. A
 * client that goes away does not stop the work, which then just is not reported.
 */
export const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';

export type Send = (line: object) => void;

/**
 * @example
 * return ndjsonResponse(async (send) => { send({ type: 'progress' }); send({ type: 'result' }); });
 */
export function ndjsonResponse(produce: (send: Send) => Promise<void>): Response {
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send: Send = (line) => {
        if (open) controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
      };
      produce(send)
        .catch((err: Error) => {
          console.error('streamed request failed:', err);
          send({ type: 'error', message: err.message });
        })
        .finally(() => {
          if (!open) return;
          open = false;
          controller.close();
        });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(body, { headers: { 'Content-Type': NDJSON_TYPE, 'Cache-Control': 'no-store' } });
}
