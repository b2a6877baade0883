export const roles = ['citizen', 'clerk', 'leader', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles that belong to one administrative unit and see only its dossiers. */
export const unitScopedRoles: readonly Role[] = ['clerk', 'leader'];
