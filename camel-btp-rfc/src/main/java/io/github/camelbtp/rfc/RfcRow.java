package io.github.camelbtp.rfc;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row of a table parameter: a read-only map from field name to value. All rows of a table share one
 * {@link Layout} (the field names and their positions) and keep only their values, so a table of 200,000 rows costs
 * an array per row rather than a hash map per row.
 */
public final class RfcRow extends AbstractMap<String, Object> {

    /** The field names of a table's rows, in order, shared by its rows. */
    public static final class Layout {
        private final String[] names;
        private final Map<String, Integer> positions;

        public Layout(Iterable<String> fieldNames) {
            java.util.List<String> list = new java.util.ArrayList<>();
            fieldNames.forEach(list::add);
            this.names = list.toArray(String[]::new);
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.put(names[i], i);
            }
            this.positions = Map.copyOf(index);
        }

        /** The position of a field, or -1. */
        public int position(String field) {
            Integer p = positions.get(field);
            return p == null ? -1 : p;
        }

        public int size() {
            return names.length;
        }
    }

    private final Layout layout;
    private final Object[] values;

    /** A row over {@code values}, indexed as the layout says; the array is taken over, not copied. */
    public RfcRow(Layout layout, Object[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("a row needs " + layout.size() + " values");
        }
        this.layout = layout;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        int p = key instanceof String s ? layout.position(s) : -1;
        return p < 0 ? null : values[p];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && layout.position(s) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int p = i++;
                        return new SimpleImmutableEntry<>(layout.names[p], values[p]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
