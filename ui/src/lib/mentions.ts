/** Mentions arrive as `@{<user id>:<name>}`; people read `@name`. */
export function plainMentions(text: string): string {
  return text.replace(/@\{\d+:([^}]*)\}/g, "@$1");
}
