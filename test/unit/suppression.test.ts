import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ProtectedTable, type Shown, suppressLinked, suppressSeries, suppressTable } from '../../src/platform/stats/suppression.ts';

/**
 * The attacker: knows every shown number, that a table's cells add up to its margins, and that a
 * withheld cell is not zero (zeros are shown). Solves the equations by enumerating every integer
 * solution and returns, per withheld cell, the set of values it could have. A withheld cell is
 * protected when more than one value remains.
 */
function attack(table: ProtectedTable, cap: number): Map<string, Set<number>> {
  const rows = table.cells.length;
  const columns = table.columnTotals.length;
  const grid: Shown[][] = [...table.cells.map((row, r) => [...row, table.rowTotals[r] ?? null]), [...table.columnTotals, table.total]];
  const lines: Array<Array<[number, number]>> = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c <= columns; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number]));
  const unknowns: Array<[number, number]> = [];
  for (let r = 0; r <= rows; r++) for (let c = 0; c <= columns; c++) if (grid[r]?.[c] === null) unknowns.push([r, c]);
  const value: (number | null)[][] = grid.map((row) => [...row]);
  const seen = new Map<string, Set<number>>(unknowns.map(([r, c]) => [`${r},${c}`, new Set<number>()]));

  const consistent = (): boolean => {
    for (const line of lines) {
      const total = line[line.length - 1] as [number, number];
      const totalValue = value[total[0]]?.[total[1]] ?? null;
      let sum = 0;
      let open = 0;
      for (const [r, c] of line.slice(0, -1)) {
        const v = value[r]?.[c] ?? null;
        if (v === null) open++;
        else sum += v;
      }
      if (totalValue === null) continue;
      if (open === 0 && sum !== totalValue) return false;
      if (sum + open > totalValue) return false;
    }
    return true;
  };
  let done = false; // every withheld cell has shown two possible values: more search proves nothing new
  const search = (index: number): void => {
    if (done) return;
    if (index === unknowns.length) {
      for (const [r, c] of unknowns) seen.get(`${r},${c}`)?.add(value[r]?.[c] as number);
      done = [...seen.values()].every((values) => values.size > 1);
      return;
    }
    const [r, c] = unknowns[index] as [number, number];
    for (let v = 1; v <= cap && !done; v++) {
      (value[r] as (number | null)[])[c] = v;
      if (consistent()) search(index + 1);
    }
    (value[r] as (number | null)[])[c] = null;
  };
  search(0);
  return seen;
}

function assertProtected(table: ProtectedTable, truth: readonly (readonly number[])[]): void {
  const grandTotal = truth.flat().reduce((a, b) => a + b, 0);
  const possible = attack(table, grandTotal + 6);
  for (const [cell, values] of possible) {
    assert.ok(values.size > 1, `withheld cell ${cell} of ${JSON.stringify(truth)} can be recomputed (only ${[...values].join(', ')} fits)`);
  }
  // what is shown is true
  truth.forEach((row, r) => {
    row.forEach((v, c) => {
      const shown = table.cells[r]?.[c];
      if (shown !== null) assert.equal(shown, v);
      if (v > 0 && v < 5) assert.equal(shown, null, `cell ${r},${c} of ${v} persons is shown`);
    });
  });
}

function countWithheld(table: ProtectedTable): number {
  return [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total].filter((v) => v === null).length;
}

describe('small-cell suppression (docs/INDICATORS.md "Suppression, precisely")', () => {
  it('shows a table without small cells unchanged, zeros included', () => {
    const table = suppressTable([
      [12, 0, 7],
      [5, 9, 0],
    ]);
    assert.deepEqual(table.cells, [
      [12, 0, 7],
      [5, 9, 0],
    ]);
    assert.deepEqual([table.rowTotals, table.columnTotals, table.total], [[19, 14], [17, 9, 7], 33]);
    assert.deepEqual(table.withheld, { primary: 0, secondary: 0 });
  });

  it('1-D: withholds the small cell and the smallest other one, so the total does not give it away', () => {
    const truth = [3, 10, 12, 0];
    const series = suppressSeries(truth);
    assert.deepEqual(series.cells, [null, null, 12, 0]);
    assert.equal(series.total, 25);
    assert.deepEqual(series.withheld, { primary: 1, secondary: 1 });
    assertProtected(suppressTable([truth]), [truth]);
  });

  it('two singletons in a row: withheld together they would reveal each other (1 + 1 = 2), so a third cell goes', () => {
    const truth = [1, 1, 20, 7];
    const series = suppressSeries(truth);
    assert.deepEqual(series.cells, [null, null, 20, null]);
    assert.equal(series.total, 29);
    assertProtected(suppressTable([truth]), [truth]);
  });

  it('2-D with margins: secondary cells in rows and columns until every line has two or none', () => {
    const truth = [
      [2, 15, 9, 11],
      [8, 14, 3, 20],
      [10, 12, 16, 6],
    ];
    const table = suppressTable(truth);
    assert.equal(table.withheld.primary, 2);
    assert.ok(table.withheld.secondary >= 2);
    // every row and column has none or at least two withheld cells
    const grid = [...table.cells.map((row, r) => [...row, table.rowTotals[r]]), [...table.columnTotals, table.total]];
    for (const line of [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]))]) {
      const hidden = line.filter((v) => v === null).length;
      assert.ok(hidden === 0 || hidden >= 2, `a line with one withheld cell: ${JSON.stringify(line)}`);
    }
    assertProtected(table, truth);
  });

  it('2-D: a small margin is withheld with its cells, and the table still cannot be solved', () => {
    const truth = [
      [1, 2, 0],
      [7, 9, 11],
      [6, 5, 13],
    ];
    const table = suppressTable(truth);
    assert.equal(table.rowTotals[0], null);
    assertProtected(table, truth);
  });

  it('a town and its county: one suppression gives both views, differencing the county and the other towns recovers nothing', () => {
    // towns of one county (rows) by sex (female, male, diverse, not stated); the county is the column totals
    const towns = [
      [14, 11, 1, 3],
      [9, 12, 0, 6],
      [20, 18, 2, 5],
    ];
    const linked = suppressLinked(towns);
    assert.equal(linked.parts[0]?.cells[2], null);
    assert.equal(linked.whole.cells[2], null, 'the county shows 3 diverse persons: withheld, or the towns could be told apart');
    assertProtected(linked.table, towns);
    // the pattern of a town's own table is the pattern of its row in the linked table
    assert.deepEqual(linked.parts[1]?.cells, linked.table.cells[1]);
  });

  it('a quarter and its year: the year cannot be subtracted from the other quarters', () => {
    const quarters = [
      [6, 2, 9],
      [8, 7, 5],
      [10, 0, 12],
      [7, 9, 6],
    ];
    const linked = suppressLinked(quarters);
    assert.equal(linked.parts[0]?.cells[1], null);
    assert.ok(countWithheld(linked.table) >= 4);
    assertProtected(linked.table, quarters);
  });

  it('holds for many random tables of small counts (seeded)', () => {
    let seed = 20261204;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 60; n++) {
      const rows = 2 + Math.floor(random() * 2);
      const columns = 2 + Math.floor(random() * 2);
      const truth = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(random() * random() * 14)));
      assertProtected(suppressTable(truth), truth);
    }
  });

  it('refuses what is not a count of persons', () => {
    assert.throws(() => suppressTable([[1.5, 2]]));
    assert.throws(() => suppressTable([[-1, 2]]));
    assert.throws(() => suppressTable([[1, 2], [3]]));
  });
});
