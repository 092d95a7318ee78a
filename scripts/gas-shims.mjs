// Globals Apps Script lacks that bundled libraries touch, injected by scripts/build.mjs into the add-on bundle only.

// ical-generator draws a random UUID as every event's default id; the meeting request always sets its own stable id.
export const crypto = { randomUUID: () => '00000000-0000-4000-8000-000000000000' };
