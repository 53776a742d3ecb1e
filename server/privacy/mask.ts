/**
 * Masking of personal data for roles that may not see it (DESIGN.md "Roles and
 * privacy"): phone numbers keep their first 3 and last 4 digits (`138****1234`,
 * the form Chinese platforms show), customer ids keep a short prefix and suffix.
 * Keys the product made itself (`call:<id>`, `complaint:<id>`: a contact without
 * a customer) carry no personal data and stay as they are.
 */

const PHONE = /^\+?\d{7,15}$/;

/** @example maskPhone('13812341234') // '138****1234' */
export function maskPhone(value: string): string {
  const digits = value.replace(/^\+/, '');
  if (digits.length < 8) return `${digits.slice(0, 2)}****`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** @example maskCustomerId('M20240117') // 'M2…17' */
export function maskCustomerId(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}…${value.slice(-2)}`;
}

/** A customer key or any identifier that may be a phone number or a member id. */
export function maskIdentity(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.startsWith('call:') || value.startsWith('complaint:')) return value;
  return PHONE.test(value) ? maskPhone(value) : maskCustomerId(value);
}
