/** CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF lines, fields quoted when they
 *  hold a comma, quote or line break. */

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 *  apostrophe, so opening an export cannot run what someone typed into a record (CSV
 *  injection). Numbers are left alone: `-5` is a number, not a formula. */
export function csvField(text: string, numeric = false): string {
  const guarded = !numeric && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(fields: { text: string; numeric?: boolean }[]): string {
  return fields.map((f) => csvField(f.text, f.numeric)).join(",") + "\r\n";
}

/** A UTF-8 byte-order mark first, so Excel reads the file as UTF-8 rather than the ANSI page. */
export const CSV_BOM = "\uFEFF";
