/** Workspace roles a member can be given (§20); the owner is shown but never offered. */
export const ROLES = ["read_only", "read_write", "admin"] as const;

const LABELS: { [role: string]: string } = {
  read_only: "Read only",
  read_write: "Read & write",
  admin: "Admin",
  owner: "Owner",
};

/** The words the web app uses for a role; an unknown role is shown as the service sent it. */
export function roleLabel(role: string): string {
  return LABELS[role] ?? role;
}
