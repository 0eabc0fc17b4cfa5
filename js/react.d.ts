// Types of @recq/recq/react: the hook that puts recq into react-querybuilder.
import type { GroupOptions, QueryBuilderProps, Recq } from "./index.js";

/** useQueryBuilder returns <QueryBuilder>'s {fields, validator} for recq (null while it loads), stable across renders. */
export function useQueryBuilder(recq: Recq | null, options?: GroupOptions): QueryBuilderProps;
