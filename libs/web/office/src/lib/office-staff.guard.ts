import { rolesRequired } from '@portal/web/data-access';

/** The back office: a ward's clerks and leader, and auditors, who read every ward's dossiers. */
export const wardStaffRequired = rolesRequired('clerk', 'leader', 'auditor');

/** Counter intake is a clerk's work: a leader (already past wardStaffRequired) sees the "not allowed" page. */
export const clerkRequired = rolesRequired('clerk');

/** The administration pages: administrators only. */
export const adminRequired = rolesRequired('admin');
