/**
 * Ticket attributes as of as_of (FORMATS.md section 2: "the latest non-empty value
 * among its events up to the instant of evaluation"). fact_tickets and
 * fact_contacts carry the latest values; a ticket whose attributes last changed
 * after as_of (fact_tickets.attrs_changed_at > as_of, nearly always none) takes the
 * snapshot in force at as_of from fact_ticket_attrs instead
 * (etl/facts/ticket-attributes.ts). The channel and priority chosen here also pick
 * the silence window and the SLA target.
 */
import type { BuildContext } from '../build-context.ts';

export const ASOF_ATTRIBUTES = ['channel', 'order_id', 'category', 'priority', 'agent'] as const;
type Attribute = (typeof ASOF_ATTRIBUTES)[number];

/** CTE `<name>`: (kind 'ticket', ticket_id, attributes) of the tickets that changed after as_of. */
export function ticketAttrsAsOfCte(ctx: BuildContext, name: string): string {
  const A = ctx.asOf;
  return `${name} AS (
    SELECT 'ticket' AS kind, ticket_id, ${ASOF_ATTRIBUTES.join(', ')} FROM fact_ticket_attrs
    WHERE valid_from <= ${A} AND ticket_id IN (SELECT ticket_id FROM fact_tickets WHERE attrs_changed_at > ${A} AND opened_at <= ${A})
    QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY valid_from DESC) = 1)`;
}

/** `attr` of `row` as of as_of, given the as-of relation joined as `asof` (NULL columns when not changed). */
export function attrAsOf(row: string, asof: string, attr: Attribute): string {
  return `CASE WHEN ${asof}.ticket_id IS NULL THEN ${row}.${attr} ELSE ${asof}.${attr} END`;
}
