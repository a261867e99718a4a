/**
 * CSV as spreadsheet programs read it (RFC 4180): UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted when they hold `"`, `,`, CR or LF (a `"` doubled inside). A cell that starts with
 * `=`, `+`, `-` or `@` (or a tab or CR, which some programs strip before them) is prefixed with `'`
 * so that no spreadsheet runs it as a formula (CSV injection); `parseCsv` takes that `'` away again,
 * so an exported file imports to the same values.
 */

export const BOM = '\uFEFF';
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written: formula-guarded, then quoted when it must be. */
export function csvCell(value: Cell): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header row, then one row per record, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The rows of a CSV text (RFC 4180; LF alone also ends a line; a leading BOM is skipped; a trailing
 * line end adds no row). Cells lose the formula guard `'` that `csvCell` added. Throws
 * CsvSyntaxError (with the 1-based row) on a quote that is never closed or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endCell = () => {
    row.push(unguard(cell));
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = input[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(rows.length + 1, `Row ${rows.length + 1}: text after a closing quote`);
        }
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === ',') {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(rows.length + 1, `Row ${rows.length + 1}: a quoted field is never closed`);
  if (cell !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}

/** Takes away the `'` that csvCell put before a formula-like start. */
function unguard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** `;`-separated list cells (country codes, themes, SDGs). */
export const LIST_SEPARATOR = ';';
export const listCell = (values: readonly (string | number)[] | null | undefined) =>
  (values ?? []).join(LIST_SEPARATOR);
export const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);
