/** The record's two small text rules, apart so the package builders use them without the program view's code. */

/** Two texts name the same thing when they differ only in case and spacing (the record's one rule for "already there"). */
export const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase();

/** `Customer`, `Vendor` or neither (shared / not said), from whatever the CSM typed (`customer`, `Cust.`, `vendor`, `us`). */
export function sideOf(side: string | null): 'Customer' | 'Vendor' | null {
  const s = (side ?? '').trim().toLowerCase();
  if (s.startsWith('cust') || s === 'client') return 'Customer';
  if (s.startsWith('vend') || s === 'us' || s === 'we' || s === 'our team') return 'Vendor';
  return null;
}
