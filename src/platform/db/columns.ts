import type { ColumnType } from 'kysely';

/** Column shapes the table types share. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date travels as 'YYYY-MM-DD' text (see db/connect.ts: the date type parser). */
export type DateText = ColumnType<string, string, string>;
export type Json<T> = ColumnType<T, string, string>;
/** A column with a default: may be left out on insert. */
export type Optional<T> = ColumnType<T, T | undefined, T>;
export type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
