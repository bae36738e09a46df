package org.factdesk.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause of the filters a search was given, each {@code column = ?} with its value, a filter left null left
 * out; the feature that owns the table writes the rest of the statement. Column names come from the code, never
 * from a request.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code column = value} unless the value is null; an enum is compared by its name. */
    public SqlFilter equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            params.add(value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Adds a condition written by the caller, with the values of its placeholders. */
    public SqlFilter where(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** {@code " WHERE a = ? AND b = ?"}, or nothing when no filter was given. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The values of the placeholders, in order. */
    public List<Object> params() {
        return List.copyOf(params);
    }
}
