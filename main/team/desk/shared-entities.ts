// The entities a team shares. Until shared/domain/entities.ts (the seam) lists them, they are named here.
export const ENTITIES = ['cases', 'customers', 'orders', 'operators', 'keyEvents', 'credits', 'accountRoles', 'policyVersions', 'calendar'] as const;
