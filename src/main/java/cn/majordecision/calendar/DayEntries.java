package cn.majordecision.calendar;

import cn.majordecision.shared.FieldViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads the day lists of a calendar year: single dates ("2025-01-01") and inclusive ranges ("2025-01-28..2025-02-04"). */
final class DayEntries {

    private DayEntries() {
    }

    /** Expands {@code entries} of {@code field}; each entry that is not a date of {@code year} becomes a violation. */
    static SortedSet<LocalDate> expand(List<?> entries, int year, String field, List<FieldViolation> violations) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = field + "[" + i + "]";
            Object entry = entries.get(i);
            try {
                String[] bounds = text(entry).split("\\.\\.", -1);
                if (bounds.length > 2) {
                    throw new DateTimeParseException("two ranges", text(entry), 0);
                }
                LocalDate first = LocalDate.parse(bounds[0].strip());
                LocalDate last = bounds.length == 2 ? LocalDate.parse(bounds[1].strip()) : first;
                if (first.getYear() != year || last.getYear() != year) {
                    violations.add(new FieldViolation(path, "OTHER_YEAR", "“%s”不在 %d 年内。".formatted(text(entry), year)));
                } else if (last.isBefore(first)) {
                    violations.add(new FieldViolation(path, "RANGE_ORDER", "“%s”的结束日期早于开始日期。".formatted(text(entry))));
                } else {
                    first.datesUntil(last.plusDays(1)).forEach(days::add);
                }
            } catch (DateTimeParseException | NullPointerException e) {
                violations.add(new FieldViolation(path, "DATE", "日期应写作 YYYY-MM-DD，或以“..”连接的日期区间，如 2025-10-01..2025-10-08。"));
            }
        }
        return days;
    }

    private static String text(Object entry) {
        return entry == null ? null : entry.toString();
    }
}
