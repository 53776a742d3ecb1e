import type { Migration } from '../migrate.ts';

/**
 * fact_contacts.next_related_at is the next contact about the same issue after
 * the contact was resolved, so none for a contact never resolved. Refreshes
 * before this release stored one for most unresolved contacts: DuckDB's ASOF
 * join (1.5) matched their NULL resolved_at once inputs passed a few rows
 * (etl/facts/contact-facts.ts no longer gives it NULL probes). FCR never read
 * it for them (its units are resolved), but the case timeline showed it.
 */
export const migration: Migration = {
  version: 10,
  name: 'no next related contact for unresolved contacts',
  sql: `
UPDATE fact_contacts SET next_related_at = NULL WHERE resolved_at IS NULL AND next_related_at IS NOT NULL;
UPDATE facts_generation SET generation = generation + 1;
`,
};
