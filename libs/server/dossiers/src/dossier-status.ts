/**
 * The ten statuses of Vietnam's one-stop-shop software. The leader's sign-off
 * is a step inside `processing`.
 */
export const dossierStatuses = [
  'new',
  'received',
  'refused',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'processed',
  'returned',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierChannels = ['online', 'counter', 'post'] as const;
export type DossierChannel = (typeof dossierChannels)[number];
