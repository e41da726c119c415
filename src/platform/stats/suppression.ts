import { MIN_CELL_SIZE } from './small-cells.ts';

/**
 * Small-cell suppression exactly as docs/INDICATORS.md "Suppression, precisely" says, in one place
 * used by every table someone sees without the right to the persons behind it (public pages,
 * funder, cross-town views, exports of those).
 *
 * A table is its inner cells (rows × columns of person counts) with its margins: the row totals,
 * the column totals and the grand total. Every row and every column, the margin row and column
 * included, is a "line": its cells add up to its total, which is the last cell of the line.
 *
 * 1. Primary: a cell (margins included) with 1–4 persons is withheld. Zero is shown.
 * 2. Secondary: in every line there are no withheld cells or at least two, and the withheld cells
 *    of a line add up to at least 5 persons. Where a line breaks this, its smallest remaining
 *    non-zero cell (not its total, unless nothing else is left) is withheld too, until every line holds.
 * 3. Check like an attacker: a withheld cell must not follow from the line sums by differencing
 *    (linear algebra over the withheld cells), nor from the ranges the shown values leave it (each
 *    withheld cell is at least 1, since zeros are shown); where one does, another cell of its line
 *    is withheld. The tests go further and solve the equations of crafted and random
 *    tables exactly (test/unit/suppression.test.ts): no withheld cell may have only one possible value.
 * 4. Linked tables (a town and its county, the quarters and their year) are suppressed as one
 *    table, the parts as rows and the whole as the margin row (`suppressLinked`), so that every
 *    published view takes its pattern from one suppression and differencing recovers nothing.
 *
 * Every withheld cell shows the same mark: were the primary cells marked apart from the secondary
 * ones, an attacker would know each primary cell lies in 1–4 and each secondary one above 4, which
 * pins down a row such as 1 + 5 = 6. With one mark, a withheld cell only says "not zero".
 */

export type CellState = 'shown' | 'withheld';

/** A number as shown: the value, or null where it is withheld. */
export type Shown = number | null;

export interface ProtectedTable {
  /** Inner cells, null where withheld. */
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
  /** How many cells were withheld as too small (primary) and to protect those (secondary). */
  withheld: { primary: number; secondary: number };
}

/** The full grid: inner cells, the row totals as the last column, the column totals as the last row. */
function gridOf(cells: readonly (readonly number[])[]): number[][] {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : (cells[0]?.length ?? 0);
  const grid: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = cells[r] ?? [];
    if (row.length !== columns) throw new Error('suppression: every row needs the same number of cells');
    for (const value of row) {
      if (!Number.isInteger(value) || value < 0) throw new Error('suppression: cells are counts of persons');
    }
    grid.push([...row, row.reduce((sum, value) => sum + value, 0)]);
  }
  const margin: number[] = [];
  for (let c = 0; c <= columns; c++) margin.push(grid.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  grid.push(margin);
  return grid;
}

function isSmall(value: number): boolean {
  return value > 0 && value < MIN_CELL_SIZE;
}

/** The positions of each line of the grid; the last position of a line is its total. */
function linesOf(rows: number, columns: number): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c <= columns; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number]));
  return lines;
}

/** The smallest remaining non-zero cell of a line (not its total, unless nothing else is left). */
function smallestOpen(grid: number[][], withheld: boolean[][], line: Array<[number, number]>): [number, number] | null {
  const value = ([r, c]: [number, number]) => grid[r]?.[c] ?? 0;
  const total = line[line.length - 1] as [number, number];
  const candidates = line.filter(([r, c]) => withheld[r]?.[c] !== true && value([r, c]) > 0);
  const inner = candidates.filter((cell) => cell !== total);
  const pool = inner.length > 0 ? inner : candidates;
  if (pool.length === 0) return null;
  return pool.reduce((best, cell) => (value(cell) < value(best) ? cell : best));
}

/** Rule 2: every line has no withheld cell or at least two adding up to at least 5; returns the cells added. */
function secondaryRule(grid: number[][], withheld: boolean[][], lines: Array<Array<[number, number]>>): number {
  let added = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => withheld[r]?.[c] === true);
      if (hidden.length === 0) continue;
      const hiddenSum = hidden.reduce((sum, [r, c]) => sum + (grid[r]?.[c] ?? 0), 0);
      if (hidden.length >= 2 && hiddenSum >= MIN_CELL_SIZE) continue;
      const next = smallestOpen(grid, withheld, line);
      if (!next) continue; // nothing left to withhold: the rest of the line is zero
      (withheld[next[0]] as boolean[])[next[1]] = true;
      added++;
      changed = true;
    }
  }
  return added;
}

/**
 * Rule 3 as the library can afford it: narrows the range of every withheld cell from the shown
 * values and the line sums (a withheld cell is at least 1, since zeros are shown) until nothing
 * changes, and returns a withheld cell whose range has shrunk to one value, if any.
 */
function recoverableCell(grid: number[][], withheld: boolean[][], lines: Array<Array<[number, number]>>): [number, number] | null {
  const lo = grid.map((row, r) => row.map((v, c) => (withheld[r]?.[c] ? 1 : v)));
  const hi = grid.map((row, r) => row.map((v, c) => (withheld[r]?.[c] ? Number.POSITIVE_INFINITY : v)));
  const get = (m: number[][], [r, c]: [number, number]) => m[r]?.[c] as number;
  const set = (m: number[][], [r, c]: [number, number], v: number) => {
    (m[r] as number[])[c] = v;
  };
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const line of lines) {
      const total = line[line.length - 1] as [number, number];
      const inner = line.slice(0, -1);
      const sumLo = inner.reduce((s, cell) => s + get(lo, cell), 0);
      const sumHi = inner.reduce((s, cell) => s + get(hi, cell), 0);
      if (sumLo > get(lo, total)) {
        set(lo, total, sumLo);
        changed = true;
      }
      if (sumHi < get(hi, total)) {
        set(hi, total, sumHi);
        changed = true;
      }
      for (const cell of inner) {
        const others = inner.filter((other) => other !== cell);
        const othersLo = others.reduce((s, other) => s + get(lo, other), 0);
        const othersHi = others.reduce((s, other) => s + get(hi, other), 0);
        const newLo = get(lo, total) - othersHi;
        const newHi = get(hi, total) - othersLo;
        if (newLo > get(lo, cell)) {
          set(lo, cell, newLo);
          changed = true;
        }
        if (newHi < get(hi, cell)) {
          set(hi, cell, newHi);
          changed = true;
        }
      }
    }
  }
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      if (withheld[r]?.[c] && get(lo, [r, c]) >= get(hi, [r, c])) return [r, c];
    }
  }
  return null;
}

/**
 * The attack by differencing: the line sums are linear equations over the withheld cells. A
 * withheld cell is recomputable when its unit vector lies in the row space of these equations
 * (reduced row echelon form: its pivot row has no free column left). Returns such a cell, if any.
 */
function determinedCell(grid: number[][], withheld: boolean[][], lines: Array<Array<[number, number]>>): [number, number] | null {
  const unknowns: Array<[number, number]> = [];
  const index = new Map<string, number>();
  grid.forEach((row, r) => {
    row.forEach((_, c) => {
      if (withheld[r]?.[c]) {
        index.set(`${r},${c}`, unknowns.length);
        unknowns.push([r, c]);
      }
    });
  });
  if (unknowns.length === 0) return null;
  const matrix: number[][] = [];
  for (const line of lines) {
    const total = line[line.length - 1] as [number, number];
    const equation = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const cell of line) {
      const k = index.get(`${cell[0]},${cell[1]}`);
      if (k === undefined) continue;
      equation[k] = cell === total ? -1 : 1;
      any = true;
    }
    if (any) matrix.push(equation);
  }
  const pivots: Array<{ row: number; column: number }> = [];
  let row = 0;
  for (let column = 0; column < unknowns.length && row < matrix.length; column++) {
    let best = row;
    for (let i = row + 1; i < matrix.length; i++) if (Math.abs(matrix[i]?.[column] ?? 0) > Math.abs(matrix[best]?.[column] ?? 0)) best = i;
    if (Math.abs(matrix[best]?.[column] ?? 0) < 1e-9) continue;
    [matrix[row], matrix[best]] = [matrix[best] as number[], matrix[row] as number[]];
    const pivotRow = matrix[row] as number[];
    const pivot = pivotRow[column] as number;
    for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = (pivotRow[j] as number) / pivot;
    for (let i = 0; i < matrix.length; i++) {
      if (i === row) continue;
      const other = matrix[i] as number[];
      const factor = other[column] as number;
      if (Math.abs(factor) < 1e-12) continue;
      for (let j = 0; j < other.length; j++) other[j] = (other[j] as number) - factor * (pivotRow[j] as number);
    }
    pivots.push({ row, column });
    row++;
  }
  for (const { row: r, column } of pivots) {
    const equation = matrix[r] as number[];
    if (equation.every((v, j) => j === column || Math.abs(v) < 1e-9)) return unknowns[column] ?? null;
  }
  return null;
}

/** Withholds cells of the grid in place (true = withheld) until rules 2 and 3 hold; returns how many were added. */
function protect(grid: number[][], withheld: boolean[][]): number {
  const rows = grid.length - 1;
  const columns = (grid[0]?.length ?? 1) - 1;
  const lines = linesOf(rows, columns);
  let added = secondaryRule(grid, withheld, lines);
  const exposedCell = () => determinedCell(grid, withheld, lines) ?? recoverableCell(grid, withheld, lines);
  for (let exposed = exposedCell(); exposed; exposed = exposedCell()) {
    const [er, ec] = exposed;
    // withhold the smallest open cell of a line through the exposed cell
    const through = lines.filter((line) => line.some(([r, c]) => r === er && c === ec));
    const options = through.map((line) => smallestOpen(grid, withheld, line)).filter((cell): cell is [number, number] => cell !== null);
    if (options.length === 0) {
      // nothing left beside it: withhold the smallest open cell anywhere, which always makes progress
      const anywhere = lines.map((line) => smallestOpen(grid, withheld, line)).filter((cell): cell is [number, number] => cell !== null);
      if (anywhere.length === 0) break;
      options.push(...anywhere);
    }
    const next = options.reduce((best, cell) => ((grid[cell[0]]?.[cell[1]] ?? 0) < (grid[best[0]]?.[best[1]] ?? 0) ? cell : best));
    (withheld[next[0]] as boolean[])[next[1]] = true;
    added += 1 + secondaryRule(grid, withheld, lines);
  }
  return added;
}

/**
 * Suppresses a table of person counts given by its inner cells; margins are computed.
 * `withheldRows`: rows whose total a linked table withholds (see `suppressLinked` for parts and whole).
 */
export function suppressTable(cells: readonly (readonly number[])[], options: { withheldRows?: readonly number[] } = {}): ProtectedTable {
  const grid = gridOf(cells);
  const withheld = grid.map((row) => row.map(isSmall));
  const primary = withheld.flat().filter(Boolean).length;
  // a row total withheld in a linked table (another breakdown of the same rows) is withheld here too
  let forced = 0;
  for (const r of options.withheldRows ?? []) {
    const row = withheld[r];
    const last = row ? row.length - 1 : -1;
    if (row && r < cells.length && !row[last] && (grid[r]?.[last] ?? 0) > 0) {
      row[last] = true;
      forced++;
    }
  }
  const secondary = forced + protect(grid, withheld);
  const shown = (r: number, c: number): Shown => (withheld[r]?.[c] ? null : (grid[r]?.[c] ?? 0));
  const rows = cells.length;
  const columns = (grid[0]?.length ?? 1) - 1;
  return {
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: rows }, (_, r) => shown(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => shown(rows, c)),
    total: shown(rows, columns),
    withheld: { primary, secondary },
  };
}

export interface ProtectedSeries {
  cells: Shown[];
  total: Shown;
  withheld: { primary: number; secondary: number };
}

/** A one-dimensional table (e.g. participants by sex) with its total. */
export function suppressSeries(cells: readonly number[]): ProtectedSeries {
  const table = suppressTable([cells]);
  const row = table.cells[0] ?? [];
  const primary = cells.filter(isSmall).length + (isSmall(cells.reduce((a, b) => a + b, 0)) ? 1 : 0);
  const hidden = row.filter((v) => v === null).length + (table.total === null ? 1 : 0);
  return { cells: row, total: table.total, withheld: { primary, secondary: hidden - primary } };
}

/**
 * Linked tables: the parts (the towns of a county, the quarters of a year) as rows, each with the
 * same categories; the whole (the county, the year) is their sum. Both views come from one
 * suppression: `parts[i]` is the table of part i, `whole` the table of the whole.
 */
export function suppressLinked(parts: readonly (readonly number[])[]): { parts: ProtectedSeries[]; whole: ProtectedSeries; table: ProtectedTable } {
  const table = suppressTable(parts);
  return {
    parts: table.cells.map((cells, r) => ({ cells, total: table.rowTotals[r] ?? null, withheld: table.withheld })),
    whole: { cells: table.columnTotals, total: table.total, withheld: table.withheld },
    table,
  };
}

/** How a number is printed in a table someone sees without the right to the persons: withheld cells as one mark. */
export const WITHHELD_MARK = 'x';

export function formatShown(value: Shown, format: (n: number) => string = String): string {
  return value === null ? WITHHELD_MARK : format(value);
}
