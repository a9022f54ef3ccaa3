/** The pages of the main area. */
export type Page = "workspaces" | "connections";
