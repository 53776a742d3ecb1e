/** The ordered list of schema migrations. Add a file `NNN-name.ts` and list it here. */
import type { Migration } from '../migrate.ts';
import { migration as m001 } from './001-core-tables.ts';
import { migration as m002 } from './002-etl-log.ts';
import { migration as m003 } from './003-calendars.ts';
import { migration as m004 } from './004-policies.ts';
import { migration as m005 } from './005-facts.ts';
import { migration as m006 } from './006-audit-log.ts';
import { migration as m007 } from './007-contact-fcr-columns.ts';
import { migration as m008 } from './008-ticket-attribute-history.ts';
import { migration as m009 } from './009-metric-snapshots.ts';
import { migration as m010 } from './010-unresolved-next-related.ts';

export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010];
