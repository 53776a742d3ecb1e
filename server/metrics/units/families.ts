/** Every unit family, in the order a summary lists them (each metric belongs to exactly one). */
import { callUnits } from './call-units.ts';
import { complaintUnits } from './complaint-units.ts';
import { contactUnits } from './contact-units.ts';
import { fcrUnits } from './fcr-units.ts';
import { refundUnits } from './refund-units.ts';
import { ticketUnits } from './ticket-units.ts';
import type { UnitFamily } from './unit-family.ts';

export const FAMILIES: readonly UnitFamily[] = [contactUnits, ticketUnits, refundUnits, fcrUnits, callUnits, complaintUnits];
