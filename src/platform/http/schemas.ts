import { Type } from '@sinclair/typebox';

/** URL pieces every module uses: a municipality key and record ids arrive as text and are checked by the handler (a bad id is a 404, not a 400). */
export const Ags = Type.String({ maxLength: 20 });
export const Id = Type.String({ maxLength: 12 });

export const AgsParams = Type.Object({ ags: Ags });
export const IdParams = Type.Object({ id: Id });
export const AgsIdParams = Type.Object({ ags: Ags, id: Id });

/** The page number of a list (`seite`), read with pageNumber(). */
export const PageQuery = Type.Object({ seite: Type.Optional(Type.String({ maxLength: 6 })) });
