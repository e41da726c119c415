/**
 * Figures about fewer people than this are not shown to anyone who may not see the persons
 * behind them (docs/INDICATORS.md, rule 4).
 */
export const MIN_CELL_SIZE = 5;
