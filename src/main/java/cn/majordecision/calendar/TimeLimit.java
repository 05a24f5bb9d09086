package cn.majordecision.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statutory period such as "7 working days" or "30 days" (calendar days). Written the same way in settings and
 * in BPMN durations, so a model and its configuration read alike.
 */
public record TimeLimit(int amount, Unit unit) {

    /** How the days of a period are counted. */
    public enum Unit { CALENDAR_DAYS, WORKING_DAYS }

    /** Ten years: anything longer is a typing error, and bounds the day-by-day counting. */
    static final int MAX_AMOUNT = 3660;

    private static final Pattern TEXT = Pattern.compile(
            "(?i)^\\s*(\\d{1,4})\\s*(working\\s+days?|个工作日|工作日|days?|日|天)\\s*$");

    public TimeLimit {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("期限须在 1 至 %d 日之间：%d".formatted(MAX_AMOUNT, amount));
        }
        if (unit == null) {
            throw new IllegalArgumentException("期限须注明按日历日还是工作日计算");
        }
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, Unit.WORKING_DAYS);
    }

    public static TimeLimit calendarDays(int amount) {
        return new TimeLimit(amount, Unit.CALENDAR_DAYS);
    }

    /** Whether {@code text} is written as a period ("7 working days", "30 days", "7个工作日", "30日"). */
    public static boolean isPeriod(String text) {
        return text != null && TEXT.matcher(text).matches();
    }

    /** Reads "7 working days", "1 working day", "30 days", "7个工作日", "30日"; refuses anything else. */
    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "期限写法有误：“%s”。应写作“7 working days”“30 days”“7个工作日”或“30日”。".formatted(text));
        }
        String unit = m.group(2).toLowerCase().replaceAll("\\s+", " ");
        boolean working = unit.startsWith("working") || unit.contains("工作日");
        return new TimeLimit(Integer.parseInt(m.group(1)), working ? Unit.WORKING_DAYS : Unit.CALENDAR_DAYS);
    }

    @Override
    public String toString() {
        return amount + (unit == Unit.WORKING_DAYS ? " working day" : " day") + (amount == 1 ? "" : "s");
    }
}
