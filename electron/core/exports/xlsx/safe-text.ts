/**
 * Text from outside (partner names, shop data, commentary) is written so a spreadsheet never evaluates it:
 * a leading =, +, -, @, tab or carriage return gets an apostrophe in front (the OWASP CSV-injection rule),
 * which also survives a user editing the cell and pressing Enter.
 */
export function neutraliseText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Escapes text for an Excel header/footer, where "&" starts a control code. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and no leading/trailing apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return (cleaned === '' ? 'Sheet' : cleaned).slice(0, 31);
}

/** A sheet reference for formulas: 'P&L'!$C$5 needs quotes, Data!$A$1 does not. */
export function sheetRef(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}
