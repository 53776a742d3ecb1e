/**
 * The unanswered-case queue's data: one page of silence_rate's numerator (GET
 * /api/cases, newest first) for the queue's scope. Paging is kept stable while
 * an auditor works through the list: the first answer's instant of evaluation
 * (`as_of`) is pinned and every further page is asked as of that instant, so
 * contacts turning silent meanwhile do not shift rows from one page to the next.
 * New filters or an explicit refresh evaluate as of now again.
 */
import type { ApiClient } from '../api-client.ts';
import type { CasesPage } from '../api-types.ts';
import { Resource } from '../resource.svelte.ts';

/** A page of the queue, or `impossible` when a quick filter excludes everything the global filters allow. */
export type QueueAnswer = { impossible: false; page: CasesPage } | { impossible: true; page: null };

interface Request {
  scope: Record<string, string> | null;
  page: number;
  unmask: boolean;
}

export class SilenceQueueList {
  readonly list = new Resource<QueueAnswer>();
  private pin: { key: string; asOf: string | null } | null = null;
  private last: Request | null = null;

  constructor(
    private readonly api: ApiClient,
    readonly pageSize = 25,
  ) {}

  /** Call from an $effect keyed on the request (as Resource.load wants). */
  load(scope: Record<string, string> | null, page: number, unmask: boolean): void {
    this.last = { scope, page, unmask };
    const key = JSON.stringify(scope);
    if (this.pin?.key !== key) this.pin = { key, asOf: null };
    const pin = this.pin;
    this.list.load(async (signal): Promise<QueueAnswer> => {
      if (!scope) return { impossible: true, page: null };
      const query = { ...scope, metric: 'silence_rate', part: 'numerator', page, page_size: this.pageSize, unmask: unmask || undefined, as_of: pin.asOf ?? undefined };
      const answer = await this.api.get<CasesPage>('/api/cases', query, signal);
      pin.asOf ??= answer.as_of;
      return { impossible: false, page: answer };
    });
  }

  /** Evaluates the same page again as of now (new silent contacts appear, pages may shift). */
  refresh = (): void => {
    this.pin = null;
    if (this.last) this.load(this.last.scope, this.last.page, this.last.unmask);
  };

  dispose(): void {
    this.list.dispose();
  }
}
